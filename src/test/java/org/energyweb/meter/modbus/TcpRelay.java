package org.energyweb.meter.modbus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The network link between a client and a server on loopback: bytes pass unchanged until
 * {@link #cut()} drops every open connection and stops listening (a meter switched off or a cable
 * pulled); {@link #restore()} listens again on the same port (the meter is back).
 */
final class TcpRelay implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private final List<Socket> open = new ArrayList<>();
    private ServerSocket listener;

    TcpRelay(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
        restore();
    }

    synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("relay cannot listen on " + port, e);
        }
        ServerSocket current = listener;
        daemon("relay-accept-" + port, () -> acceptUntilClosed(current));
    }

    synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    private void acceptUntilClosed(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                synchronized (this) {
                    open.add(client);
                    open.add(upstream);
                }
                daemon("relay-up-" + port, () -> pump(client, upstream));
                daemon("relay-down-" + port, () -> pump(upstream, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException cut) {
            // the other direction or cut() closed the link
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
