package org.energyweb.meter.link;

import java.io.IOException;
import java.time.Duration;

/**
 * The line a gateway reads a meter over: a TCP connection to the meter's bridge or gateway (ser2net, a P1 dongle,
 * an optical head's Wi-Fi bridge, an M-Bus-to-TCP gateway), or a serial device on the gateway itself (a P1 cable, an
 * optical reading head on USB, an M-Bus level converter).
 */
public sealed interface MeterLink permits TcpLink, SerialLink {

    /**
     * Connects.
     *
     * @param timeout how long connecting may take, and how long a read waits for a byte before it throws an
     *                {@link java.io.InterruptedIOException}
     * @throws IOException when the bridge refuses or cannot be reached, or the serial device cannot be opened
     */
    LinkConnection open(Duration timeout) throws IOException;

    /** Where the meter is read, as a reading's source names it after its protocol: {@code HOST:PORT} or {@code serial:DEVICE}. */
    String address();
}
