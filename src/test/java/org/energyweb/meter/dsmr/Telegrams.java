package org.energyweb.meter.dsmr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/** The recorded telegrams of src/test/resources/dsmr, as a meter sends them (CR LF line ends). */
public final class Telegrams {

    public static final String SPEC_EXAMPLE = "dsmr-5.0.2-spec-example.txt";
    public static final String DSMR_5 = "dsmr-5-dsmr_parser.txt";
    public static final String DSMR_42 = "dsmr-4.2-kaifa-dsmr_parser.txt";
    public static final String E_MUCS = "e-mucs-fluvius-dsmr-reader.txt";

    private Telegrams() {
    }

    public static String text(String name) {
        try (InputStream in = Telegrams.class.getResourceAsStream("/dsmr/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("\n", "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        return text(name).getBytes(StandardCharsets.US_ASCII);
    }

    /** The telegram with {@code crc} in place of the one after its '!'. */
    public static String withCrc(String telegram, String crc) {
        int end = telegram.indexOf('!');
        return telegram.substring(0, end + 1) + crc + "\r\n";
    }

    /**
     * The telegram re-dated to {@code time} (its 0-0:1.0.0, in Dutch local time with the DST flag), with the CRC
     * of the changed text from {@link #independentCrc}: a recorded telegram as the meter would send it now.
     */
    public static String dated(String telegram, Instant time) throws IOException, InterruptedException {
        ZonedDateTime local = time.atZone(ZoneId.of("Europe/Amsterdam"));
        char flag = local.getZone().getRules().isDaylightSavings(time) ? 'S' : 'W';
        String redated = telegram.replaceFirst("0-0:1\\.0\\.0\\(\\d{12}[SW]\\)",
                "0-0:1.0.0(" + local.format(DateTimeFormatter.ofPattern("yyMMddHHmmss")) + flag + ")");
        return withCrc(redated, independentCrc(redated));
    }

    /** The same telegram with one character of its body changed, as a noisy serial line does. */
    public static String corrupted(String telegram, String original, String replacement) {
        if (!telegram.contains(original)) {
            throw new IllegalArgumentException("telegram has no " + original);
        }
        return telegram.replace(original, replacement);
    }

    /**
     * CRC-16/ARC of the bytes from '/' to '!' computed by an independent implementation (a bit-by-bit
     * Python loop, not our table), as 4 upper-case hex digits.
     */
    public static String independentCrc(String telegram) throws IOException, InterruptedException {
        String script = """
                import sys
                data = sys.stdin.buffer.read()
                data = data[data.index(b'/'):data.index(b'!') + 1]
                crc = 0
                for byte in data:
                    crc ^= byte
                    for _ in range(8):
                        crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
                print('%04X' % crc)
                """;
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        python.getOutputStream().write(telegram.getBytes(StandardCharsets.US_ASCII));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
            throw new IllegalStateException("python3 CRC failed: " + out);
        }
        return out;
    }
}
