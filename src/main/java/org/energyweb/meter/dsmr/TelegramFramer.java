package org.energyweb.meter.dsmr;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a P1 byte stream into telegrams: from a '/' to the end of the line that starts with '!'.
 * Bytes before the first '/' (a connection opened mid-telegram) are skipped, so a gateway that
 * connects at any moment starts with the next whole telegram.
 */
public final class TelegramFramer {

    /** Far above the largest telegrams seen (Belgian ones with 13 months of peak demand are ~3 KB). */
    public static final int MAX_TELEGRAM_BYTES = 16 * 1024;

    private final InputStream in;
    /** The '/' that cut the previous telegram short was already read: it starts the next one. */
    private boolean startRead;

    public TelegramFramer(InputStream in) {
        this.in = in;
    }

    /**
     * The next telegram's bytes.
     *
     * @throws EOFException         when the stream ends
     * @throws DsmrFormatException  when no '!' comes within {@link #MAX_TELEGRAM_BYTES}, or a new
     *                              telegram begins before it (a line that lost bytes)
     */
    public byte[] next() throws IOException, DsmrFormatException {
        int b = '/';
        if (!startRead) {
            do {
                b = read();
            } while (b != '/');
        }
        startRead = false;
        ByteArrayOutputStream telegram = new ByteArrayOutputStream(2048);
        telegram.write(b);
        boolean ended = false;
        while (true) {
            b = read();
            if (b == '/' && !ended) {
                startRead = true;
                throw new DsmrFormatException("telegram cut short: a new one began before its '!' ("
                        + telegram.size() + " bytes lost)");
            }
            telegram.write(b);
            if (b == '!') {
                ended = true;
            } else if (b == '\n' && ended) {
                return telegram.toByteArray();
            }
            if (telegram.size() > MAX_TELEGRAM_BYTES) {
                throw new DsmrFormatException("no telegram end '!' within " + MAX_TELEGRAM_BYTES + " bytes");
            }
        }
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the P1 stream ended");
        }
        return b;
    }
}
