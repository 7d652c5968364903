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
import java.util.Comparator;
import java.util.List;
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

    /** Opens (or creates) the folder and discards writes a crash interrupted. */
    public LocalBlockStore(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            for (Path file : files()) {
                if (file.getFileName().toString().startsWith(TEMPORARY_PREFIX)) {
                    // its document was never acknowledged as kept
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local block store " + folder, e);
        }
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
        List<PendingDocument> pending = pending();
        for (PendingDocument existing : pending) {
            if (existing.cid().equals(expected)) {
                return existing;
            }
        }
        long sequence = pending.isEmpty() ? 0 : pending.get(pending.size() - 1).sequence() + 1;
        PendingDocument added = new PendingDocument(sequence, expected, folder.resolve(String.format("%019d-%s", sequence, expected)));
        writeDurably(document, added.file());
        return added;
    }

    /**
     * What waits, oldest first. The folder is the only record, read afresh each time, so several
     * stores (producers of different routes) may share it.
     */
    public synchronized List<PendingDocument> pending() {
        List<PendingDocument> pending = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (!name.startsWith(TEMPORARY_PREFIX)) {
                pending.add(parse(file, name));
            }
        }
        pending.sort(Comparator.comparingLong(PendingDocument::sequence).thenComparing(document -> document.file().getFileName()));
        return pending;
    }

    public boolean isPending(Cid cid) {
        return pending().stream().anyMatch(document -> document.cid().equals(cid));
    }

    public byte[] read(PendingDocument document) {
        try {
            return Files.readAllBytes(document.file());
        } catch (IOException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "cannot read " + document.file(), e);
        }
    }

    /** Whether the file still holds the bytes of its CID (a disk can fail, a human can edit). */
    public boolean isIntact(PendingDocument document, byte[] bytes) {
        return UnixFs.cidOf(bytes, UnixFsOptions.forCid(document.cid())).equals(document.cid());
    }

    /** Forgets a document the node now holds. */
    public synchronized void remove(PendingDocument document) {
        try {
            Files.deleteIfExists(document.file());
        } catch (IOException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "cannot delete " + document.file(), e);
        }
    }

    /** Moves a document whose bytes no longer give its CID aside, for a human to look at; it is never uploaded. */
    public synchronized void reject(PendingDocument document) {
        try {
            Path rejected = Files.createDirectories(folder.resolve(REJECTED_FOLDER));
            Files.move(document.file(), rejected.resolve(document.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "cannot move " + document.file() + " aside", e);
        }
    }

    private List<Path> files() {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "cannot list " + folder, e);
        }
    }

    private static PendingDocument parse(Path file, String name) {
        int dash = name.indexOf('-');
        try {
            return new PendingDocument(Long.parseLong(name.substring(0, dash)), Cid.parse(name.substring(dash + 1)), file);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IpfsException(IpfsException.Reason.LOCAL_IO, "not a pending document: " + file + " (expected SEQUENCE-CID)", e);
        }
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
