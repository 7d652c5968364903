package org.energyweb.ipfs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsException;

/**
 * Documents waiting for the IPFS node, one file each in a folder, named {@code SEQUENCE-CID} so that
 * the folder alone says what is pending and in which order. A file is written to a temporary name,
 * forced to disk and then renamed, so a crash leaves either the whole document or nothing. Storing a
 * document that is already pending changes nothing.
 */
public final class LocalBlockStore {

    private static final String TEMPORARY_PREFIX = ".incoming-";
    private static final String REJECTED_FOLDER = "rejected";

    private final Path folder;
    private final Map<Cid, PendingDocument> pending = new HashMap<>();
    private long nextSequence;

    public LocalBlockStore(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                load(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local block store " + folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    /**
     * Keeps a document until the node is back, after checking it has the CID promised for it.
     *
     * @throws IpfsException CID_MISMATCH if the document's CID is not {@code expected}, LOCAL_IO if it cannot be written
     */
    public synchronized PendingDocument put(byte[] document, Cid expected) {
        Cid actual = UnixFs.cidOf(document, UnixFsOptions.forCid(expected));
        if (!actual.equals(expected)) {
            throw new IpfsException(IpfsException.Reason.CID_MISMATCH, "the document gives " + actual + " where " + expected + " was promised");
        }
        PendingDocument existing = pending.get(expected);
        if (existing != null) {
            return existing;
        }
        PendingDocument added = new PendingDocument(nextSequence, expected, folder.resolve(fileName(nextSequence, expected)));
        writeDurably(document, added.file());
        nextSequence++;
        pending.put(expected, added);
        return added;
    }

    /** What waits, oldest first. */
    public synchronized List<PendingDocument> pending() {
        List<PendingDocument> ordered = new ArrayList<>(pending.values());
        ordered.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return ordered;
    }

    public synchronized boolean isPending(Cid cid) {
        return pending.containsKey(cid);
    }

    public byte[] read(PendingDocument document) {
        try {
            return Files.readAllBytes(document.file());
        } catch (IOException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "cannot read " + document.file(), e);
        }
    }

    /** Forgets a document the node now holds. */
    public synchronized void remove(PendingDocument document) {
        try {
            Files.deleteIfExists(document.file());
            pending.remove(document.cid());
        } catch (IOException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "cannot delete " + document.file(), e);
        }
    }

    /** Whether the file still holds the bytes of its CID (a disk can fail, a human can edit). */
    public boolean isIntact(PendingDocument document, byte[] bytes) {
        return UnixFs.cidOf(bytes, UnixFsOptions.forCid(document.cid())).equals(document.cid());
    }

    /** Moves a document whose bytes no longer give its CID aside, for a human to look at; it is never uploaded. */
    public synchronized void reject(PendingDocument document) {
        try {
            Path rejected = Files.createDirectories(folder.resolve(REJECTED_FOLDER));
            Files.move(document.file(), rejected.resolve(document.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            pending.remove(document.cid());
        } catch (IOException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "cannot move " + document.file() + " aside", e);
        }
    }

    private void load(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.startsWith(TEMPORARY_PREFIX)) {
            // a write a crash interrupted: its document was never acknowledged as stored
            Files.delete(file);
            return;
        }
        int dash = name.indexOf('-');
        try {
            long sequence = Long.parseLong(name.substring(0, dash));
            Cid cid = Cid.parse(name.substring(dash + 1));
            pending.put(cid, new PendingDocument(sequence, cid, file));
            nextSequence = Math.max(nextSequence, sequence + 1);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("not a pending document: " + file + " (expected SEQUENCE-CID)", e);
        }
    }

    private static String fileName(long sequence, Cid cid) {
        return String.format("%019d-%s", sequence, cid);
    }

    private void writeDurably(byte[] document, Path target) {
        Path temporary = folder.resolve(TEMPORARY_PREFIX + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(document);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "cannot keep a document in " + folder, e);
        }
    }
}
