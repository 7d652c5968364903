package org.energyweb.fleet.proof;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.proof.ProofJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /proof/{sha256}}: the inclusion proof of a reading the service anchored, as JSON that
 * {@code energyweb verify-proof} checks against the chain; 404 while the reading is not anchored (or
 * unknown), 400 for anything but 64 hex digits. A proof comes with the CID of its batch's manifest in
 * the {@value #MANIFEST_HEADER} header. Served by the JDK's HTTP server on one thread with one database
 * connection of its own.
 */
public final class ProofServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProofServer.class);
    private static final Pattern PATH = Pattern.compile("/proof/([0-9a-fA-F]{64})");
    /** The response header naming the CID of the manifest of the batch that anchored the reading. */
    public static final String MANIFEST_HEADER = "Energyweb-Manifest";
    /** The gateway's metrics path ({@code GatewayObservability}), so one scrape configuration fits both. */
    public static final String METRICS_PATH = "/observe/metrics";
    /** What {@link PrometheusMeterRegistry#scrape()} writes. */
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final FleetStore store;

    private ProofServer(HttpServer server, FleetStore store) {
        this.server = server;
        this.store = store;
    }

    /** @param metrics served in Prometheus' text format on {@value #METRICS_PATH}, as a gateway's management server does */
    public static ProofServer start(InetSocketAddress address, String jdbcUrl, PrometheusMeterRegistry metrics) {
        FleetStore store = new FleetStore(jdbcUrl);
        ServiceProofs proofs = new ServiceProofs(store.chainStore());
        try {
            HttpServer server = HttpServer.create(address, 0);
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "energyweb-proof-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/proof/", exchange -> answer(exchange, proofs));
            server.createContext(METRICS_PATH, exchange -> {
                try (exchange) {
                    send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
                }
            });
            server.start();
            return new ProofServer(server, store);
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot serve proofs on " + address + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, ServiceProofs proofs) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("only GET"));
            } else if (!path.matches()) {
                send(exchange, 400, error("expected /proof/ and the document's SHA-256 as 64 hex digits"));
            } else {
                try {
                    String sha256 = path.group(1).toLowerCase();
                    proofs.prove(sha256).ifPresentOrElse(
                            proof -> {
                                proofs.manifestCid(sha256).ifPresent(cid -> exchange.getResponseHeaders().set(MANIFEST_HEADER, cid));
                                send(exchange, 200, ProofJson.write(proof));
                            },
                            () -> send(exchange, 404, error("no anchored reading with SHA-256 " + sha256 + " (unknown, or not anchored yet)")));
                } catch (RuntimeException e) {
                    LOG.warn("proof of {} failed: {}", exchange.getRequestURI().getPath(), e.getMessage());
                    send(exchange, 503, error("the proof cannot be made now: " + e.getMessage()));
                }
            }
        }
    }

    private static String error(String message) {
        return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String json) {
        send(exchange, status, "application/json", json);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        store.close();
    }
}
