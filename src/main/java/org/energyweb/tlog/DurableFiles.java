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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Files under one root that are either wholly there or not at all: each is written to a temporary
 * name, forced to disk and renamed over its final name, and the directories touched are forced at
 * {@link #sync()}, so that a kill at any moment leaves old or new contents, never half of them, and a
 * reader never sees a file being written.
 *
 * <p>Forcing is what costs (a few milliseconds a file on a virtual disk, one journal commit each), so
 * {@link #writeAll} forces a group of files at once from several threads: the file system folds
 * concurrent forces into shared journal commits, which makes a group of a hundred files about ten
 * times cheaper than forcing them one after the other, with the same guarantee for each file.
 */
public final class DurableFiles {

    /** Forces in flight at once; beyond about eight a virtual disk's queue gains nothing more. */
    private static final int FORCING_THREADS = 8;
    private static final ExecutorService FORCING = forcingThreads();

    private final Path root;
    private final Consumer<Path> directoryForcing;
    private final Set<Path> touchedDirectories = new LinkedHashSet<>();

    public DurableFiles(Path root) {
        this(root, DurableFiles::forceDirectory);
    }

    /** With another way of forcing a directory, so a test can see which ones {@link #sync()} forces. */
    DurableFiles(Path root, Consumer<Path> directoryForcing) {
        this.root = root;
        this.directoryForcing = directoryForcing;
    }

    private static ExecutorService forcingThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(FORCING_THREADS, FORCING_THREADS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "energyweb-durable-files");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    Path root() {
        return root;
    }

    public void write(String relative, byte[] contents) {
        Path file = root.resolve(relative);
        createParents(file);
        writeForced(file, contents);
        rename(file);
    }

    /** Renames the file {@code from} to {@code to} (both relative), durably once {@link #sync()} has forced both folders. */
    public void move(String from, String to) {
        Path source = root.resolve(from);
        Path target = root.resolve(to);
        try {
            createParents(target);
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + source + " to " + target, e);
        }
        touchedDirectories.add(source.getParent());
        touchedDirectories.add(target.getParent());
    }

    /** Creates the folders {@code file} lacks; each new one is forced into its parent at {@link #sync()}, so it survives a power cut. */
    private void createParents(Path file) {
        List<Path> missing = new ArrayList<>();
        for (Path folder = file.getParent(); folder != null && !Files.isDirectory(folder); folder = folder.getParent()) {
            missing.add(folder);
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        missing.forEach(folder -> touchedDirectories.add(folder.getParent()));
    }

    /**
     * {@link #write} for every file of {@code files}, each forced before any is renamed into place, the
     * forces running concurrently. A kill in between leaves some of them renamed, each whole.
     */
    public void writeAll(Map<String, byte[]> files) {
        List<Path> paths = new ArrayList<>(files.size());
        List<CompletableFuture<Void>> forced = new ArrayList<>(files.size());
        files.forEach((relative, contents) -> {
            Path file = root.resolve(relative);
            createParents(file);
            paths.add(file);
            forced.add(CompletableFuture.runAsync(() -> writeForced(file, contents), FORCING));
        });
        try {
            CompletableFuture.allOf(forced.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException cause ? cause : e;
        }
        paths.forEach(this::rename);
    }

    private static void writeForced(Path file, byte[] contents) {
        try {
            try (FileChannel channel = FileChannel.open(temporary(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(contents);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void rename(Path file) {
        try {
            try {
                Files.move(temporary(file), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary(file), file, StandardCopyOption.REPLACE_EXISTING);
            }
            touchedDirectories.add(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
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

    /**
     * Forces the directory entries of every file written since the last sync, so the renames survive a
     * power cut; concurrently, as {@link #writeAll} forces files.
     */
    public void sync() {
        CompletableFuture.allOf(touchedDirectories.stream().map(directory -> CompletableFuture.runAsync(() -> directoryForcing.accept(directory), FORCING))
                .toArray(CompletableFuture[]::new)).join();
        touchedDirectories.clear();
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open a directory for forcing; the renames are then as durable as they allow.
        }
    }
}
