package org.energyweb.tlog.monitor;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on loopback serving a log folder (tiles and checkpoint as TileLog and LedgerLog write
 * them) at /log/, as the gateway's management port does; {@link #serve} switches the folder, which is how a
 * gateway would show one history to some and another to others.
 */
final class ServedLog implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<Path> folder;

    ServedLog(Path folder) {
        this.folder = new AtomicReference<>(folder);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/log/", exchange -> {
            try (exchange) {
                String relative = exchange.getRequestURI().getPath().substring("/log/".length());
                byte[] body;
                try {
                    body = relative.contains("..") ? null : Files.readAllBytes(this.folder.get().resolve(relative));
                } catch (NoSuchFileException e) {
                    body = null;
                }
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    void serve(Path other) {
        folder.set(other);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/log/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
