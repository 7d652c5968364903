package org.energyweb.meter.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A meter behind a TCP bridge or gateway. */
public record TcpLink(String host, int port) implements MeterLink {

    public TcpLink {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the bridge's host is required");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
        }
    }

    @Override
    public LinkConnection open(Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            int millis = Math.toIntExact(timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String address() {
        return host + ":" + port;
    }

    private record SocketConnection(Socket socket) implements LinkConnection {

        @Override
        public InputStream input() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream output() throws IOException {
            return socket.getOutputStream();
        }

        @Override
        public void readTimeout(Duration timeout) throws IOException {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that failed: nothing is left to release.
            }
        }
    }
}
