package org.energyweb.observe;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The gateway's transparency log, read-only, on the management port at the prefix {@value #PREFIX}, as
 * c2sp.org/tlog-tiles "APIs" lay it out: {@code /log/checkpoint} (mutable, so never cached) and
 * {@code /log/tile/<L>/<N>[.p/<W>]} and {@code /log/tile/entries/<N>[.p/<W>]} (immutable, so cached for
 * long). Only paths of that grammar are served, so nothing else in the data folder can be reached.
 */
final class LogResources {

    static final String PREFIX = "/log/";
    /** "Tiles": level 0 to 63 without leading zeroes, or "entries"; N in x-prefixed 3-digit elements; W from 1 to 255. */
    private static final Pattern TILE = Pattern.compile(
            "tile/(?:[0-9]|[1-5][0-9]|6[0-3]|entries)/(?:x[0-9]{3}/)*[0-9]{3}(?:\\.p/(?:[1-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5]))?");
    private static final String CHECKPOINT = "checkpoint";

    private final Path directory;

    LogResources(Path directory) {
        this.directory = directory;
    }

    void install(Router router) {
        router.get(PREFIX + CHECKPOINT).blockingHandler(request ->
                // "Checkpoints": text/plain; charset=utf-8, mutable, so headers prevent caching.
                serve(request, CHECKPOINT, "text/plain; charset=utf-8", "no-store"));
        router.getWithRegex(Pattern.quote(PREFIX) + "tile/.*").blockingHandler(request -> {
            String path = request.normalizedPath().substring(PREFIX.length());
            if (!TILE.matcher(path).matches()) {
                request.response().setStatusCode(404).end();
                return;
            }
            // "Merkle Tree" and "Log entries": application/octet-stream, immutable, so caching headers are long-lived.
            serve(request, path, "application/octet-stream", "public, max-age=31536000, immutable");
        });
    }

    private void serve(RoutingContext request, String path, String type, String caching) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(directory.resolve(path));
        } catch (NoSuchFileException e) {
            // A partial tile replaced by its full tile is gone (tlog-tiles "Partial Tiles" lets clients fall back).
            request.response().setStatusCode(404).end();
            return;
        } catch (IOException e) {
            request.response().setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("cannot read the log's " + path + "\n");
            return;
        }
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, type).putHeader("Cache-Control", caching).end(Buffer.buffer(bytes));
    }
}
