package org.energyweb.tlog.monitor;

import org.energyweb.proof.SubtreeHashes;
import org.energyweb.tlog.TileLog;
import org.energyweb.tlog.TilePath;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hashes of a tree of {@code size} leaves read from a log's c2sp.org/tlog-tiles ("Merkle Tree" tiles at
 * {@code tile/<L>/<N>[.p/<W>]}): a partial tile where the tree's right edge cuts a tile, and, as "Partial Tiles"
 * allows, the full tile's first W hashes when the partial one is gone. Every complete subtree of a smaller tree is
 * one of this tree's, so the proofs of every older checkpoint are read from the same tiles.
 */
final class TileHashes implements SubtreeHashes {

    private static final int W = TilePath.WIDTH;
    private static final int H = 32;

    private final TileSource source;
    private final long size;
    private final Map<String, byte[]> fetched = new HashMap<>();

    TileHashes(TileSource source, long size) {
        this.source = source;
        this.size = size;
    }

    long size() {
        return size;
    }

    @Override
    public byte[] hash(int level, long index) {
        return TileLog.subtree(size, level, index, this::tile);
    }

    private byte[] tile(int level, long index, int width) {
        String path = TilePath.tile(level, index, width);
        byte[] tile = fetched.get(path);
        if (tile == null) {
            Optional<byte[]> read = source.read(path);
            if (read.isEmpty() && width < W) {
                read = source.read(TilePath.tile(level, index, W)).map(full -> Arrays.copyOf(full, Math.min(full.length, width * H)));
            }
            tile = read.orElse(null);
            if (tile == null || tile.length != width * H) {
                throw new IllegalStateException("the log has no tile " + path + " of " + width + " hashes"
                        + (tile == null ? "" : " (" + tile.length + " bytes)"));
            }
            fetched.put(path, tile);
        }
        return tile;
    }
}
