package org.energyweb.tlog.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side of a {@link Witness}: {@code POST <prefix>/add-checkpoint} (c2sp.org/tlog-witness "HTTP
 * Interface", the submission prefix being the server's root), over the JDK's HTTP server, which keeps
 * connections alive as the spec asks witnesses to support. Anything else is 404, another method 405.
 */
public final class WitnessServer implements AutoCloseable {

    static final String PATH = "/add-checkpoint";
    /** A checkpoint with 63 proof lines and many signatures is a few kilobytes; more is refused unread. */
    private static final int MAX_BODY = 1 << 16;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    private WitnessServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code witness} on {@code address} (port 0: any free port). */
    public static WitnessServer start(Witness witness, InetSocketAddress address) {
        try {
            WitnessServer started = new WitnessServer(HttpServer.create(address, 0));
            started.server.createContext("/", exchange -> started.handle(witness, exchange));
            started.server.setExecutor(started.executor);
            started.server.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /** The submission prefix clients post to: {@code http://host:port}. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    private void handle(Witness witness, HttpExchange exchange) throws IOException {
        try (exchange) {
            WitnessResponse response;
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                response = WitnessResponse.refused(404, "not found");
            } else if (!exchange.getRequestMethod().equals("POST")) {
                // "The request MUST be an HTTP POST."
                exchange.getResponseHeaders().set("Allow", "POST");
                response = WitnessResponse.refused(405, "add-checkpoint is a POST");
            } else {
                byte[] body = readAtMost(exchange.getRequestBody());
                response = body == null
                        ? WitnessResponse.refused(413, "an add-checkpoint body is at most " + MAX_BODY + " bytes")
                        : witness.addCheckpoint(new String(body, StandardCharsets.UTF_8));
            }
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
