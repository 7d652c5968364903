package org.energyweb.tlog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every signed checkpoint of a gateway's log, one file per tree size, holding the signed note (c2sp.org/signed-note,
 * with any witness cosignatures) of the c2sp.org/tlog-checkpoint of that size, so that proofs and monitors can use an
 * older checkpoint than the latest. The first note kept for a size is final: its exact bytes are what goes to IPFS and,
 * by their CID, on chain, so a second one for that size is not written. Each file is written durably (fsync'd, renamed
 * into place, its directories forced): a kill leaves it whole or absent.
 *
 * <p>A checkpoint a period makes millions of files a year, so they are kept in folders of at most a thousand:
 * {@code DATA/log/checkpoints/x<size / 10^6, 3 digits or more>/<size / 1000 mod 1000, 3 digits>/<size>} (size 1234067
 * is {@code x001/234/1234067}); listing the sizes above a given one reads only the folders that can hold them. An
 * earlier release kept them flat, {@code DATA/log/checkpoints/<size>}: those are read too, and {@link #migrate()} moves
 * them into the folders.
 */
public final class KeptCheckpoints {

    public static final String DIRECTORY = "checkpoints";

    private static final Logger LOG = LoggerFactory.getLogger(KeptCheckpoints.class);
    /** A size as a file name (a file left half written by a kill has another name and is not one). */
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern TOP = Pattern.compile("x([0-9]{3,})");
    private static final Pattern MIDDLE = Pattern.compile("[0-9]{3}");
    private static final long MILLION = 1_000_000;

    private final DurableFiles files;

    public KeptCheckpoints(Path dataDir) {
        this.files = new DurableFiles(dataDir.resolve(LedgerLog.DIRECTORY).resolve(DIRECTORY));
    }

    /** Where the checkpoint of {@code size} is kept, relative to {@code DATA/log/checkpoints}. */
    static String path(long size) {
        return "x%03d/%03d/%d".formatted(size / MILLION, size / 1000 % 1000, size);
    }

    /** Keeps {@code note} under its checkpoint's size unless a note of that size is kept already; returns whether it wrote it. */
    public boolean keep(SignedNote note) {
        long size = Checkpoint.parse(note.text()).size();
        if (bytes(size).isPresent()) {
            return false;
        }
        files.write(path(size), note.encoded().getBytes(StandardCharsets.UTF_8));
        files.sync();
        return true;
    }

    /** The exact bytes kept for {@code size}, if any. */
    public Optional<byte[]> bytes(long size) {
        // Flat first: a migration moves a note from there into its folder, never back.
        return files.read(Long.toString(size)).or(() -> files.read(path(size)));
    }

    /** The note kept for {@code size}, if any. */
    public Optional<SignedNote> at(long size) {
        return bytes(size).map(bytes -> SignedNote.parse(new String(bytes, StandardCharsets.UTF_8)));
    }

    /** The sizes of the kept checkpoints, ascending. */
    public List<Long> sizes() {
        return sizesAbove(-1);
    }

    /** The sizes of the kept checkpoints larger than {@code size}, ascending; reads only the folders that can hold them. */
    public List<Long> sizesAbove(long size) {
        TreeSet<Long> sizes = new TreeSet<>();
        List<Long> tops = new ArrayList<>();
        // Flat ones listed before the folders: one moved into its folder meanwhile is then found there.
        for (String name : names(files.root())) {
            if (SIZE.matcher(name).matches() && Long.parseLong(name) > size) {
                sizes.add(Long.parseLong(name));
            } else if (TOP.matcher(name).matches()) {
                tops.add(Long.parseLong(name.substring(1)));
            }
        }
        for (long top : tops) {
            if ((top + 1) * MILLION - 1 <= size) {
                continue;
            }
            Path topFolder = files.root().resolve("x%03d".formatted(top));
            for (String middle : names(topFolder)) {
                if (!MIDDLE.matcher(middle).matches() || top * MILLION + (Long.parseLong(middle) + 1) * 1000 - 1 <= size) {
                    continue;
                }
                for (String name : names(topFolder.resolve(middle))) {
                    if (SIZE.matcher(name).matches() && Long.parseLong(name) > size) {
                        sizes.add(Long.parseLong(name));
                    }
                }
            }
        }
        return List.copyOf(sizes);
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /**
     * Moves the checkpoints an earlier release kept flat into their folders, durably; a kill half way leaves each in one
     * place or the other, both read. Returns how many it moved.
     */
    public int migrate() {
        int moved = 0;
        // Streamed, not listed first: a flat folder may hold millions.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files.root())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (SIZE.matcher(name).matches()) {
                    if (moved++ == 0) {
                        LOG.info("moving the kept checkpoints of {} into folders of a thousand", files.root());
                    }
                    files.move(name, path(Long.parseLong(name)));
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files.root(), e);
        }
        files.sync();
        if (moved > 0) {
            LOG.info("moved {} kept checkpoints of {} into folders of a thousand", moved, files.root());
        }
        return moved;
    }
}
