package org.energyweb.meter.dsmr;

import org.energyweb.meter.TcpReplayServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A ser2net / P1 dongle on a free loopback port: a {@link TcpReplayServer} of recorded telegrams. */
public final class P1Bridge implements AutoCloseable {

    private final TcpReplayServer server;

    public P1Bridge(List<String> telegrams) throws IOException {
        server = new TcpReplayServer(telegrams.stream().map(P1Bridge::bytes).toList());
    }

    public int port() {
        return server.port();
    }

    /** Writes one more telegram to every open connection, as the meter does at its next interval. */
    public void send(String telegram) throws IOException {
        server.send(bytes(telegram));
    }

    private static byte[] bytes(String telegram) {
        return telegram.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
