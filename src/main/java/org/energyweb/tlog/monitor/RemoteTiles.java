package org.energyweb.tlog.monitor;

import org.energyweb.proof.SubtreeHashes;
import org.energyweb.tlog.TileLog;
import org.energyweb.tlog.TilePath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The hashes of a tree of {@code size} leaves read from a log's c2sp.org/tlog-tiles over HTTP ("Merkle Tree"
 * tiles at {@code <prefix>tile/<L>/<N>[.p/<W>]}): a partial tile where the tree's right edge cuts a tile, and,
 * as "Partial Tiles" allows, the full tile's first W hashes when the partial one is gone.
 */
final class RemoteTiles implements SubtreeHashes {

    private static final int W = TilePath.WIDTH;
    private static final int H = 32;

    private final HttpClient http;
    private final URI prefix;
    private final long size;
    private final Map<String, byte[]> fetched = new HashMap<>();

    RemoteTiles(HttpClient http, URI prefix, long size) {
        this.http = http;
        this.prefix = prefix;
        this.size = size;
    }

    @Override
    public byte[] hash(int level, long index) {
        return TileLog.subtree(size, level, index, this::tile);
    }

    private byte[] tile(int level, long index, int width) {
        String path = TilePath.tile(level, index, width);
        byte[] tile = fetched.get(path);
        if (tile == null) {
            tile = get(path);
            if (tile == null && width < W) {
                byte[] full = get(TilePath.tile(level, index, W));
                tile = full == null ? null : Arrays.copyOf(full, Math.min(full.length, width * H));
            }
            if (tile == null || tile.length != width * H) {
                throw new IllegalStateException("the log serves no tile " + path + " of " + width + " hashes"
                        + (tile == null ? "" : " (" + tile.length + " bytes)"));
            }
            fetched.put(path, tile);
        }
        return tile;
    }

    private byte[] get(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(prefix.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + prefix.resolve(path) + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + prefix.resolve(path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching " + path, e);
        }
    }
}
