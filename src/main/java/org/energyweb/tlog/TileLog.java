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
    private final Map<String, byte[]> cache = new LinkedHashMap<>(CACHED_TILES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    private TileLog(Path directory) {
        this.files = new DurableFiles(directory);
    }

    /**
     * Opens the log in {@code directory} at its committed size, an empty log when there is none.
     *
     * @throws IllegalStateException when the tiles of the committed size's right edge are missing or
     *                               of the wrong length: the log must then be rebuilt from its source
     */
    public static TileLog open(Path directory) {
        TileLog log = new TileLog(directory);
        log.load();
        return log;
    }

    private void load() {
        String[] state = files.read(SIZE_FILE).map(b -> new String(b, StandardCharsets.US_ASCII).strip().split(" ")).orElse(new String[] {"0", "0"});
        long stored = Long.parseLong(state[0]);
        committedMark = state.length > 1 ? Long.parseLong(state[1]) : 0;
        for (int level = 0; level <= TilePath.MAX_LEVEL; level++) {
            int width = widthAt(stored, level);
            edge[level] = new byte[W * H];
            if (width > 0) {
                String path = TilePath.tile(level, tileIndex(stored, level), width);
                byte[] tile = files.read(path).orElseThrow(() -> damaged(path, "missing"));
                if (tile.length != width * H) {
                    throw damaged(path, tile.length + " bytes");
                }
                System.arraycopy(tile, 0, edge[level], 0, tile.length);
                edgeCount[level] = width;
            }
        }
        int entries = widthAt(stored, 0);
        if (entries > 0) {
            String path = TilePath.entries(tileIndex(stored, 0), entries);
            byte[] entryBundle = files.read(path).orElseThrow(() -> damaged(path, "missing"));
            if (EntryBundle.count(entryBundle) != entries) {
                throw damaged(path, "not " + entries + " entries");
            }
            bundle.writeBytes(entryBundle);
        }
        size = stored;
        committedSize = stored;
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
     * Makes every entry appended so far durable: full tiles and bundles, the partial tiles of the new
     * right edge, then the committed size, in that order, so a kill in between leaves the old size with
     * all its tiles. Partial tiles made obsolete by full ones are deleted last (tlog-tiles allows it).
     */
    public synchronized void commit() {
        commit(committedMark);
    }

    /** {@link #commit()}, recording {@code mark} with the new size in the same atomic write. */
    public synchronized void commit(long mark) {
        if (size == committedSize && mark == committedMark) {
            return;
        }
        pending.forEach(files::write);
        for (int level = 0; level <= TilePath.MAX_LEVEL; level++) {
            int width = widthAt(size, level);
            if (width > 0) {
                files.write(TilePath.tile(level, tileIndex(size, level), width), Arrays.copyOf(edge[level], width * H));
            }
        }
        if (widthAt(size, 0) > 0) {
            files.write(TilePath.entries(tileIndex(size, 0), widthAt(size, 0)), bundle.toByteArray());
        }
        files.sync();
        files.write(SIZE_FILE, (size + " " + mark + "\n").getBytes(StandardCharsets.US_ASCII));
        files.sync();
        List<String> completed = new ArrayList<>(pending.keySet());
        pending.forEach(cache::put);
        pending.clear();
        committedSize = size;
        committedMark = mark;
        completed.forEach(this::deletePartials);
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
