package org.energyweb.observe;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The status page on the management port: {@code /} (the page and its scripts, from the jar, so it
 * works offline), {@code /api/status} (polled by the page for its plots), {@code /api/lookup} (a
 * reading by {@code meter} and {@code seq}, or by {@code sha256}) and {@code /api/proof} (the
 * reading's inclusion proof as a download). Reads run on Vert.x's worker threads, never its event loop.
 */
final class StatusPage {

    private static final String ASSETS = "observe/";
    private static final Map<String, String> TYPES = Map.of(".html", "text/html; charset=utf-8", ".js", "text/javascript",
            ".css", "text/css");

    private final StatusView status;
    private final ReadingLookup lookup;

    StatusPage(Ledger ledger) {
        this.status = new StatusView(ledger);
        this.lookup = new ReadingLookup(ledger);
    }

    void install(Router router) {
        router.get("/").handler(asset("index.html"));
        router.get("/assets/:file").handler(request -> asset(request.pathParam("file")).handle(request));
        router.get("/api/status").blockingHandler(request -> json(request, status::json));
        router.get("/api/lookup").blockingHandler(request -> {
            Optional<LedgerEntry> entry = find(request);
            if (entry.isPresent()) {
                json(request, () -> lookup.json(entry.get()));
            }
        });
        router.get("/api/proof").blockingHandler(request -> {
            Optional<LedgerEntry> entry = find(request);
            if (entry.isPresent()) {
                LedgerEntry found = entry.get();
                String name = found.meter() + "-" + found.document().reading().seq() + ".proof.json";
                respond(request, () -> lookup.proof(found), "application/json", "attachment; filename=\"" + name + "\"");
            }
        });
    }

    /** The reading the request names, or empty after answering 400/404. */
    private Optional<LedgerEntry> find(RoutingContext request) {
        String meter = request.queryParams().get("meter");
        String seq = request.queryParams().get("seq");
        String sha256 = request.queryParams().get("sha256");
        Optional<LedgerEntry> entry;
        try {
            if (sha256 != null && !sha256.isBlank()) {
                if (!sha256.trim().matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalArgumentException("sha256 must be 64 hexadecimal digits");
                }
                entry = lookup.findBySha256(sha256);
            } else if (meter != null && seq != null) {
                entry = lookup.find(meter.trim(), Long.parseLong(seq.trim()));
            } else {
                throw new IllegalArgumentException("give meter and seq, or sha256");
            }
        } catch (IllegalArgumentException e) {
            text(request, 400, e.getMessage());
            return Optional.empty();
        }
        if (entry.isEmpty()) {
            text(request, 404, "no such reading in this gateway's ledger");
        }
        return entry;
    }

    private static void json(RoutingContext request, Callable<String> body) {
        respond(request, body, "application/json", null);
    }

    private static void respond(RoutingContext request, Callable<String> body, String type, String disposition) {
        String text;
        try {
            text = body.call();
        } catch (Exception e) {
            // e.g. a proof asked for a reading not anchored yet: the reason is the answer.
            text(request, 409, e.getMessage());
            return;
        }
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, type).putHeader("Cache-Control", "no-store");
        if (disposition != null) {
            request.response().putHeader("Content-Disposition", disposition);
        }
        request.response().end(text);
    }

    private static void text(RoutingContext request, int status, String message) {
        request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(message + "\n");
    }

    private static Handler<RoutingContext> asset(String file) {
        return request -> {
            String type = TYPES.entrySet().stream().filter(t -> file.endsWith(t.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
            if (type == null || file.contains("/") || file.contains("..")) {
                text(request, 404, "no such file");
                return;
            }
            try (InputStream in = StatusPage.class.getClassLoader().getResourceAsStream(ASSETS + file)) {
                if (in == null) {
                    text(request, 404, "no such file");
                    return;
                }
                request.response().putHeader(HttpHeaders.CONTENT_TYPE, type).end(io.vertx.core.buffer.Buffer.buffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
