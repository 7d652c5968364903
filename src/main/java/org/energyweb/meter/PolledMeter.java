package org.energyweb.meter;

import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;

/**
 * A meter that answers when asked (Modbus, M-Bus): each poll reads it once, on one thread at a time.
 */
public interface PolledMeter extends AutoCloseable {

    /** Where the meter is read, as its faults name it. */
    String source();

    /**
     * Reads the meter once.
     *
     * @throws MeterFaultException when the meter cannot be read or its values cannot be trusted; an unreachable one
     *                             is what the circuit breaker counts
     */
    Measurement poll();

    /** Closes the connection to the meter. */
    @Override
    void close();
}
