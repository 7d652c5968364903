package org.energyweb.meter.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A real serial line for tests: socat joins two pseudo-terminals, one for the gateway (read through jSerialComm as a
 * serial device) and one for the meter's side, which the test writes and reads as the meter would. Started on links in
 * a temporary folder, ready once socat says its transfer loop runs (both links exist then), stopped by {@link #close}.
 */
public final class PtyPair implements AutoCloseable {

    private static final String READY = "starting data transfer loop";

    private final Process socat;
    private final Path gatewaySide;
    private final Path meterSide;

    public PtyPair(Path folder) throws IOException {
        Files.createDirectories(folder);
        gatewaySide = folder.resolve("gateway-tty");
        meterSide = folder.resolve("meter-tty");
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + gatewaySide, "pty,raw,echo=0,link=" + meterSide)
                .redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        String line;
        while ((line = log.readLine()) != null && !line.contains(READY)) {
            said.append(line).append('\n');
        }
        if (line == null) {
            socat.destroy();
            throw new IOException("socat ended before its ptys were ready:\n" + said);
        }
        // socat logs little after this; keep its pipe drained so it never blocks on it.
        Thread drain = new Thread(() -> {
            try {
                log.transferTo(Writer.nullWriter());
            } catch (IOException e) {
                // socat ended.
            }
        }, "socat-log");
        drain.setDaemon(true);
        drain.start();
    }

    /** The device the gateway opens, as a user names a serial device (a link to the pty, like /dev/serial/by-id/...). */
    public String gatewayDevice() {
        return gatewaySide.toString();
    }

    /** The meter's end: what is written here arrives at the gateway's device. */
    public OutputStream meterOutput() throws IOException {
        return Files.newOutputStream(meterSide, StandardOpenOption.WRITE);
    }

    /** The meter's end: what the gateway writes to its device arrives here. */
    public InputStream meterInput() throws IOException {
        return Files.newInputStream(meterSide);
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        socat.waitFor();
    }
}
