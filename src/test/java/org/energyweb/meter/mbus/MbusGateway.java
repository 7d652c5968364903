package org.energyweb.meter.mbus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A real TCP server on a free loopback port standing in for an M-Bus-to-TCP gateway with one meter on its bus, an
 * {@link MbusDevice} answering on each connection.
 */
public final class MbusGateway implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final MbusDevice device;

    public MbusGateway(int primaryAddress, byte[] answer) throws IOException {
        this.device = new MbusDevice(primaryAddress, answer);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "mbus-gateway");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A frame from a libmbus test-frames file (hex pairs separated by spaces). */
    public static byte[] frame(String resource) {
        try (InputStream in = MbusGateway.class.getResourceAsStream("/mbus/" + resource)) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> {
                    try (socket) {
                        device.answer(socket.getInputStream(), socket.getOutputStream());
                    } catch (IOException e) {
                        // The master hung up.
                    }
                }, "mbus-gateway-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(5_000);
    }
}
