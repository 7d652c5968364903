package org.energyweb.tlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every signed checkpoint of a gateway's log, one file per tree size: {@code DATA/log/checkpoints/<size>} holds the
 * signed note (c2sp.org/signed-note, with any witness cosignatures) of the c2sp.org/tlog-checkpoint of that size,
 * so that proofs and monitors can use an older checkpoint than the latest. The first note kept for a size is final:
 * its exact bytes are what goes to IPFS and, by their CID, on chain, so a second one for that size is not written.
 * Each file is written durably (fsync'd, renamed into place, its directory forced): a kill leaves it whole or absent.
 */
public final class KeptCheckpoints {

    public static final String DIRECTORY = "checkpoints";

    private final DurableFiles files;

    public KeptCheckpoints(Path dataDir) {
        this.files = new DurableFiles(dataDir.resolve(LedgerLog.DIRECTORY).resolve(DIRECTORY));
    }

    /** Keeps {@code note} under its checkpoint's size unless a note of that size is kept already; returns whether it wrote it. */
    public boolean keep(SignedNote note) {
        String name = Long.toString(Checkpoint.parse(note.text()).size());
        if (Files.exists(files.root().resolve(name))) {
            return false;
        }
        files.write(name, note.encoded().getBytes(StandardCharsets.UTF_8));
        files.sync();
        return true;
    }

    /** The exact bytes kept for {@code size}, if any. */
    public Optional<byte[]> bytes(long size) {
        return files.read(Long.toString(size));
    }

    /** The note kept for {@code size}, if any. */
    public Optional<SignedNote> at(long size) {
        return bytes(size).map(bytes -> SignedNote.parse(new String(bytes, StandardCharsets.UTF_8)));
    }

    /** The sizes of the kept checkpoints, ascending (a file left half written by a kill has another name and is not one). */
    public List<Long> sizes() {
        return sizesAbove(-1);
    }

    /** The sizes of the kept checkpoints larger than {@code size}, ascending. */
    public List<Long> sizesAbove(long size) {
        try (Stream<Path> kept = Files.list(files.root())) {
            return kept.map(file -> file.getFileName().toString()).filter(name -> name.matches("0|[1-9][0-9]{0,18}"))
                    .map(Long::valueOf).filter(found -> found > size).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files.root(), e);
        }
    }
}
