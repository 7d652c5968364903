package org.energyweb.tlog;

import org.energyweb.proof.MerkleHash;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.proof.SubtreeHashes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * An append-only RFC 9162 log stored as c2sp.org/tlog-tiles under one directory: level-0 tiles of
 * leaf hashes, tiles of tile roots above them, entry bundles of the leaf inputs, and partial tiles for
 * the right edge. Appends hash each leaf once and each full tile once (no old leaf is hashed again);
 * {@link #commit()} makes everything appended durable and moves the committed size, which is what a
 * restart sees. As a {@link SubtreeHashes} it serves any complete subtree from at most one tile, so a
 * proof for any committed size reads a few tiles ({@link MerkleProofs}).
 *
 * <p>Not thread-safe beyond its synchronized methods: one writer appends and commits, readers may
 * prove concurrently.
 */
public final class TileLog implements SubtreeHashes {

    static final String SIZE_FILE = "tree-size";
    private static final int H = MerkleHash.LENGTH;
    private static final int W = TilePath.WIDTH;
    private static final int MAX_ENTRY = 0xFFFF;
    private static final int CACHED_TILES = 512;

    private final DurableFiles files;
    /** Opened at an earlier size ({@link #openAt}): appending would fork the log. */
    private final boolean readOnly;
    private long size;
    private long committedSize;
    /** What the log's source says it has given the log up to, committed with the size (a ledger position, say). */
    private long committedMark;
    /** edge[L]: the hashes of level-L tile entries not yet grouped into a full tile; edgeCount[L] of them. */
    private final byte[][] edge = new byte[TilePath.MAX_LEVEL + 1][];
    private final int[] edgeCount = new int[TilePath.MAX_LEVEL + 1];
    private final ByteArrayOutputStream bundle = new ByteArrayOutputStream();
    /** Full tiles and bundles made since the last commit, by path, not yet written. */
    private final Map<String, byte[]> pending = new LinkedHashMap<>();
    /** Those of the commit being written, until it is durable. */
    private final Map<String, byte[]> writing = new LinkedHashMap<>();
    /** The size and mark of the last commit started; {@link #committedSize} follows once it is durable. */
    private long startedSize;
    private long startedMark;
    private CompletableFuture<Void> lastCommit = CompletableFuture.completedFuture(null);
    /** Writes the commits in order, one at a time, made when the first is ({@link #commitAsync}). */
    private ExecutorService committer;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(CACHED_TILES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    private TileLog(Path directory, boolean readOnly) {
        this.files = new DurableFiles(directory);
        this.readOnly = readOnly;
    }

    /**
     * Opens the log in {@code directory} at its committed size, an empty log when there is none.
     *
     * @throws IllegalStateException when the tiles of the committed size's right edge are missing or
     *                               of the wrong length: the log must then be rebuilt from its source
     */
    public static TileLog open(Path directory) {
        TileLog log = new TileLog(directory, false);
        long[] state = log.committedState();
        log.load(state[0], state[1]);
        return log;
    }

    /**
     * The log in {@code directory} as it was at {@code size} leaves, any size up to the one it has
     * committed (a checkpoint's, say), read while a writer may be appending; it cannot be appended to.
     *
     * @throws IllegalArgumentException when the log has not committed that many leaves
     * @throws IllegalStateException    when its tiles are damaged
     */
    public static TileLog openAt(Path directory, long size) {
        TileLog log = new TileLog(directory, true);
        long committed = log.committedState()[0];
        if (size < 0 || size > committed) {
            throw new IllegalArgumentException("the log in " + directory + " has " + committed + " leaves, no tree of " + size);
        }
        log.load(size, 0);
        return log;
    }

    /** {size, mark} of the size file, {0, 0} before the first commit. */
    private long[] committedState() {
        String[] state = files.read(SIZE_FILE).map(b -> new String(b, StandardCharsets.US_ASCII).strip().split(" ")).orElse(new String[] {"0", "0"});
        return new long[] {Long.parseLong(state[0]), state.length > 1 ? Long.parseLong(state[1]) : 0};
    }

    private void load(long stored, long mark) {
        committedMark = mark;
        for (int level = 0; level <= TilePath.MAX_LEVEL; level++) {
            int width = widthAt(stored, level);
            edge[level] = new byte[W * H];
            if (width > 0) {
                byte[] tile = edgeTile(level, tileIndex(stored, level), width);
                System.arraycopy(tile, 0, edge[level], 0, tile.length);
                edgeCount[level] = width;
            }
        }
        int entries = widthAt(stored, 0);
        if (entries > 0) {
            bundle.writeBytes(edgeBundle(tileIndex(stored, 0), entries));
        }
        size = stored;
        committedSize = stored;
        startedSize = stored;
        startedMark = mark;
    }

    /** The first {@code width} hashes of tile {@code index} at {@code level}, read as {@link #headOfSomeWidth} says. */
    private byte[] edgeTile(int level, long index, int width) {
        return headOfSomeWidth(level, index, width, w -> files.read(TilePath.tile(level, index, w)).map(tile -> {
            if (tile.length != w * H) {
                throw damaged(TilePath.tile(level, index, w), tile.length + " bytes");
            }
            return Arrays.copyOf(tile, width * H);
        })).orElseThrow(() -> damaged(TilePath.tile(level, index, width), "missing"));
    }

    /** The first {@code count} entries of entry bundle {@code index}, read as {@link #headOfSomeWidth} says. */
    private byte[] edgeBundle(long index, int count) {
        return headOfSomeWidth(0, index, count, w -> files.read(TilePath.entries(index, w)).map(bundle -> {
            if (EntryBundle.count(bundle) != w) {
                throw damaged(TilePath.entries(index, w), "not " + w + " entries");
            }
            return EntryBundle.prefix(bundle, count);
        })).orElseThrow(() -> damaged(TilePath.entries(index, count), "missing"));
    }

    /**
     * The head of tile {@code index} at {@code level} that a tree of {@code width} entries there sees,
     * from the first version of the tile that is there: its partial tile of that width; else, when a
     * writer replaced that one meanwhile or never wrote it ({@link #openAt} a size between two
     * commits), the partial tile of the size committed now; else the full tile, as tlog-tiles "Partial
     * Tiles" lets clients fall back to it. Tiles only grow to the right, so every wider version starts
     * with the same hashes. A reader racing the writer always finds one: {@link #commit} deletes partial
     * tiles only after their full tile is durable and the committed size has moved past them.
     */
    private Optional<byte[]> headOfSomeWidth(int level, long index, int width, IntFunction<Optional<byte[]>> headOfWidth) {
        return headOfWidth.apply(width).or(() -> {
            long now = committedState()[0];
            int nowWidth = tileIndex(now, level) == index ? widthAt(now, level) : 0;
            return nowWidth > width ? headOfWidth.apply(nowWidth) : Optional.empty();
        }).or(() -> headOfWidth.apply(W));
    }

    private IllegalStateException damaged(String path, String why) {
        return new IllegalStateException("the log in " + files.root() + " is damaged: " + path + " " + why);
    }

    /** floor(size / 256^level) mod 256: the width of the level's partial tile (tlog-tiles "Partial Tiles"). */
    static int widthAt(long size, int level) {
        int shift = TilePath.HEIGHT * level;
        return shift >= Long.SIZE ? 0 : (int) ((size >>> shift) & (W - 1));
    }

    /** The index of the tile at {@code level} holding entry {@code size / 256^level}, i.e. size / 256^(level+1). */
    static long tileIndex(long size, int level) {
        int shift = TilePath.HEIGHT * (level + 1);
        return shift >= Long.SIZE ? 0 : size >>> shift;
    }

    public synchronized long size() {
        return size;
    }

    public synchronized long committedSize() {
        return committedSize;
    }

    /** The mark given to the last {@link #commit(long)}, 0 before the first. */
    public synchronized long committedMark() {
        return committedMark;
    }

    /** Appends leaf {@code size()} with {@code entry} as its RFC 9162 leaf input. */
    public synchronized void append(byte[] entry) {
        if (readOnly) {
            throw new IllegalStateException("the log in " + files.root() + " was opened at an earlier size, to read");
        }
        if (entry.length > MAX_ENTRY) {
            throw new IllegalArgumentException("a log entry is at most 65535 bytes (tlog-tiles entry bundles), not " + entry.length);
        }
        EntryBundle.add(bundle, entry);
        long index = size;
        size++;
        addHash(0, MerkleHash.leaf(entry));
        if (bundle.size() > 0 && widthAt(size, 0) == 0) {
            pending.put(TilePath.entries(tileIndex(index, 0), W), bundle.toByteArray());
            bundle.reset();
        }
    }

    private void addHash(int level, byte[] hash) {
        System.arraycopy(hash, 0, edge[level], edgeCount[level] * H, H);
        edgeCount[level]++;
        if (edgeCount[level] == W) {
            byte[] full = edge[level].clone();
            // size already counts the leaf that completed this tile, so its index is one below the size's.
            pending.put(TilePath.tile(level, tileIndex(size, level) - 1, W), full);
            edgeCount[level] = 0;
            addHash(level + 1, subtreeRoot(full, 0, W));
        }
    }

    /**
     * Makes every entry appended so far durable and moves the committed size to the size appended.
     *
     * <p>Crash safety, for a SIGKILL or a power cut at any point. The committed size (the size file) is
     * the only thing a reopened log believes, and it names a size only once every tile it needs is on
     * disk:
     * <ol>
     * <li>The commit's files, that is the full tiles and bundles completed since the last commit and
     * the partial tiles and bundle of the new right edge (tlog-tiles "Partial Tiles": width
     * floor(s / 256^l) mod 256), are each written to a temporary name and forced, all at once
     * ({@link DurableFiles#writeAll}), then renamed to their tlog-tiles paths. A kill here leaves
     * temporary files nobody reads, and whole files of a size not yet committed: full tiles beyond the
     * committed size, which nothing committed refers to and which the re-append writes again, and new
     * partial widths, whose names differ from the committed size's (a path names one tile index and
     * width, so the same path always holds the same hashes). The committed size's own tiles are never
     * touched; readers never see a file being written, only renamed ones.</li>
     * <li>The directories of those renames are forced, one force per directory, not per file.</li>
     * <li>The size file is written the same way (forced, renamed, its directory forced): before it,
     * a restart sees the old size with all its tiles; after it, the new one with all of its.</li>
     * <li>Partial tiles whose full tile this commit wrote are deleted (tlog-tiles lets a log delete
     * them once the full tile is available). A kill midway leaves some of them, which are still true.
     * A reader that learnt an older size meanwhile reads the full tile's head instead
     * ({@link #headOfSomeWidth}).</li>
     * </ol>
     * Commits are written one at a time, in order ({@link #commitAsync} only lets the writer append the
     * next entries in memory meanwhile), so the steps of two commits never interleave on disk.
     * {@link #open} reads the committed size's right edge and fails on a missing or short tile; its
     * caller (a {@link LedgerLog}) then rebuilds the log from its source, and in any case appends again
     * what came after the committed mark.
     */
    public void commit() {
        commit(startedMark());
    }

    /** {@link #commit()}, recording {@code mark} with the new size in the same atomic write. */
    public void commit(long mark) {
        join(commitAsync(mark));
    }

    /**
     * Starts {@link #commit(long)} and returns when the commit before it is durable, so that the
     * caller appends the next entries while this commit's files are forced: at most one commit is in
     * flight, its tiles held in memory until then. The commits are written in order; a failed one fails
     * every later one (a size must never be committed without the tiles of the commits before it).
     * One writer thread appends and commits.
     *
     * @return completes when this commit is durable, exceptionally when it or one before it failed
     */
    public CompletableFuture<Void> commitAsync(long mark) {
        CompletableFuture<Void> previous;
        synchronized (this) {
            previous = lastCommit;
        }
        // Outside the lock: the previous commit takes it to publish its committed size.
        join(previous);
        synchronized (this) {
            if (size == startedSize && mark == startedMark) {
                return lastCommit;
            }
            Commit commit = snapshot(mark);
            if (committer == null) {
                committer = committerThread();
            }
            lastCommit = CompletableFuture.runAsync(() -> write(commit), committer);
            return lastCommit;
        }
    }

    private synchronized long startedMark() {
        return startedMark;
    }

    /** The files of a commit (full tiles and bundles since the last one, then the partial edge), the size and the mark. */
    private record Commit(Map<String, byte[]> files, List<String> completed, long size, long mark) {
    }

    private Commit snapshot(long mark) {
        Map<String, byte[]> files = new LinkedHashMap<>(pending);
        for (int level = 0; level <= TilePath.MAX_LEVEL; level++) {
            int width = widthAt(size, level);
            if (width > 0) {
                files.put(TilePath.tile(level, tileIndex(size, level), width), Arrays.copyOf(edge[level], width * H));
            }
        }
        if (widthAt(size, 0) > 0) {
            files.put(TilePath.entries(tileIndex(size, 0), widthAt(size, 0)), bundle.toByteArray());
        }
        Commit commit = new Commit(files, new ArrayList<>(pending.keySet()), size, mark);
        writing.putAll(pending);
        pending.clear();
        startedSize = size;
        startedMark = mark;
        return commit;
    }

    private void write(Commit commit) {
        files.writeAll(commit.files());
        files.sync();
        files.write(SIZE_FILE, (commit.size() + " " + commit.mark() + "\n").getBytes(StandardCharsets.US_ASCII));
        files.sync();
        synchronized (this) {
            commit.completed().forEach(path -> cache.put(path, writing.remove(path)));
            committedSize = commit.size();
            committedMark = commit.mark();
        }
        commit.completed().forEach(this::deletePartials);
    }

    private static ExecutorService committerThread() {
        ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread committer = new Thread(task, "energyweb-log-commit");
            committer.setDaemon(true);
            return committer;
        });
        thread.allowCoreThreadTimeOut(true);
        return thread;
    }

    private static void join(CompletableFuture<Void> commit) {
        try {
            commit.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void deletePartials(String fullPath) {
        Path partials = files.root().resolve(fullPath + ".p");
        if (!Files.isDirectory(partials)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(partials)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the partial tiles " + partials, e);
        }
    }

    /** MTH(D[0:size]) of the log as appended so far. */
    public synchronized byte[] root() {
        return MerkleProofs.root(this, size);
    }

    /** The tiles of a tree: the tile at {@code level} with index {@code index}, {@code width} hashes wide (256 but at the right edge). */
    @FunctionalInterface
    public interface Tiles {
        byte[] tile(int level, long index, int width);
    }

    @Override
    public synchronized byte[] hash(int level, long index) {
        return subtree(size, level, index, (tileLevel, tile, width) -> width == W ? fullTile(tileLevel, tile) : edge[tileLevel]);
    }

    /**
     * The complete subtree at tree level {@code level} of a tree of {@code size} leaves: tile level level/8
     * holds the hashes of tree level 8 * (level/8), and the levels in between are rebuilt by hashing
     * 2^(level mod 8) of them (tlog-tiles "Merkle Tree": "The Merkle Tree levels between those expressed by
     * the tile hashes are reconstructed by hashing the leaves").
     */
    public static byte[] subtree(long size, int level, long index, Tiles tiles) {
        if (level < 0 || level >= Long.SIZE - 1 || index < 0 || index >= size >>> level) {
            throw new IllegalArgumentException("no complete subtree " + index + " at level " + level + " in a log of " + size);
        }
        int tileLevel = level / TilePath.HEIGHT;
        int below = level % TilePath.HEIGHT;
        long first = index << below;
        long tile = first / W;
        int width = (int) Math.min(W, (size >>> (TilePath.HEIGHT * tileLevel)) - tile * W);
        return subtreeRoot(tiles.tile(tileLevel, tile, width), (int) (first % W), 1 << below);
    }

    private byte[] fullTile(int level, long index) {
        String path = TilePath.tile(level, index, W);
        byte[] tile = pending.get(path);
        if (tile == null) {
            tile = writing.get(path);
        }
        if (tile == null) {
            tile = cache.get(path);
        }
        if (tile == null) {
            tile = files.read(path).orElseThrow(() -> damaged(path, "missing"));
            if (tile.length != W * H) {
                throw damaged(path, tile.length + " bytes");
            }
            cache.put(path, tile);
        }
        return tile;
    }

    /** MTH of the {@code count} (a power of two) consecutive hashes at {@code first} of {@code hashes}. */
    private static byte[] subtreeRoot(byte[] hashes, int first, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            level[i] = Arrays.copyOfRange(hashes, (first + i) * H, (first + i + 1) * H);
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = MerkleHash.node(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}
