package org.energyweb.tlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files under one root that are either wholly there or not at all: each is written to a temporary
 * name, forced to disk and renamed over its final name, and the directories touched are forced at
 * {@link #sync()}, so that a kill at any moment leaves old or new contents, never half of them.
 */
public final class DurableFiles {

    private final Path root;
    private final Set<Path> touchedDirectories = new LinkedHashSet<>();

    public DurableFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    public void write(String relative, byte[] contents) {
        Path file = root.resolve(relative);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(contents);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            touchedDirectories.add(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Optional<byte[]> read(String relative) {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(relative)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(relative), e);
        }
    }

    void delete(String relative) {
        try {
            Files.deleteIfExists(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root.resolve(relative), e);
        }
    }

    /** Forces the directory entries of every file written since the last sync, so the renames survive a power cut. */
    public void sync() {
        for (Path directory : touchedDirectories) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                // Some file systems refuse to open a directory for forcing; the renames are then as durable as they allow.
            }
        }
        touchedDirectories.clear();
    }
}
