package org.energyweb.meter.modbus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Accepts TCP connections on a loopback port and never answers, like a device whose Modbus stack hangs. */
public final class SilentTcpServer implements AutoCloseable {

    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    public SilentTcpServer() throws IOException {
        Thread acceptor = new Thread(this::acceptForever, "silent-modbus-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many connections clients have opened so far. */
    public int connections() {
        return connections.get();
    }

    private void acceptForever() {
        try {
            while (!socket.isClosed()) {
                Socket client = socket.accept();
                connections.incrementAndGet();
                synchronized (accepted) {
                    accepted.add(client);
                }
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (accepted) {
            for (Socket client : accepted) {
                client.close();
            }
        }
    }
}
