package org.energyweb.meter.mbus;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A real TCP server on a free loopback port standing in for an M-Bus-to-TCP gateway with one meter on its bus, which
 * answers as EN 13757-2 says: SND_NKE with the single character E5; REQ_UD2 to its primary address (or to 253 once
 * selected) with its recorded RSP_UD long frame; SND_UD to 253 selecting its secondary address with E5 (and stays
 * silent for another one). Anything else gets no answer, as on a real bus.
 */
public final class MbusGateway implements AutoCloseable {

    private static final int ACK = 0xE5;

    private final ServerSocket server;
    private final Thread acceptor;
    private final int primaryAddress;
    private final byte[] secondaryAddress;
    private final byte[] answer;

    public MbusGateway(int primaryAddress, byte[] answer) throws IOException {
        this.primaryAddress = primaryAddress;
        this.answer = answer;
        // The long header of the RSP_UD: identification, manufacturer, version, medium (after 68 L L 68 C A CI).
        this.secondaryAddress = Arrays.copyOfRange(answer, 7, 15);
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
                        answer(new DataInputStream(socket.getInputStream()), socket.getOutputStream());
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

    private void answer(DataInputStream in, OutputStream out) throws IOException {
        boolean selected = false;
        while (true) {
            int start = in.readUnsignedByte();
            if (start == 0x10) {
                byte[] frame = new byte[4];
                in.readFully(frame);
                int control = frame[0] & 0xFF;
                int address = frame[1] & 0xFF;
                boolean addressed = address == primaryAddress || (address == MbusSettings.SELECTED && selected);
                if (control == 0x40 && addressed) {
                    out.write(ACK);
                } else if ((control & 0xDF) == 0x5B && addressed) {
                    out.write(answer);
                }
            } else if (start == 0x68) {
                int length = in.readUnsignedByte();
                byte[] rest = new byte[length + 4];
                in.readFully(rest);
                int control = rest[2] & 0xFF;
                int address = rest[3] & 0xFF;
                int ci = rest[4] & 0xFF;
                if ((control & 0xDF) == 0x53 && address == MbusSettings.SELECTED && ci == 0x52) {
                    selected = Arrays.equals(Arrays.copyOfRange(rest, 5, 13), secondaryAddress);
                    if (selected) {
                        out.write(ACK);
                    }
                }
            }
            out.flush();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(5_000);
    }
}
