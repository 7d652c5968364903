package org.energyweb.meter.dsmr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP server on a free loopback port standing in for a ser2net / P1 dongle: to each connection it
 * writes the recorded telegrams, one after the other, then keeps the connection open like a meter
 * between telegrams.
 */
public final class P1Bridge implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public P1Bridge(List<String> telegrams) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> serve(telegrams), "p1-bridge");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve(List<String> telegrams) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                OutputStream out = socket.getOutputStream();
                for (String telegram : telegrams) {
                    out.write(telegram.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Writes one more telegram to every open connection, as the meter does at its next interval. */
    public void send(String telegram) throws IOException {
        for (Socket socket : connections) {
            OutputStream out = socket.getOutputStream();
            out.write(telegram.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
        acceptor.join(5_000);
    }
}
