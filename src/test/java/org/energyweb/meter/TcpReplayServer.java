package org.energyweb.meter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP server on a free loopback port standing in for the bridge in front of a meter that pushes its values
 * (ser2net, a P1 dongle, an optical reading head): to each connection it writes the recorded messages, one after
 * the other, then keeps the connection open like a meter between messages.
 */
public final class TcpReplayServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public TcpReplayServer(List<byte[]> messages) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> serve(messages), "tcp-replay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve(List<byte[]> messages) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                OutputStream out = socket.getOutputStream();
                for (byte[] message : messages) {
                    out.write(message);
                    out.flush();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Writes one more message to every open connection, as the meter does at its next interval. */
    public void send(byte[] message) throws IOException {
        for (Socket socket : connections) {
            OutputStream out = socket.getOutputStream();
            out.write(message);
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
