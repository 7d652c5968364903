package org.energyweb.meter;

import org.energyweb.reading.MeterFaultException;

/**
 * A meter that pushes its values over a connection it keeps open (a DSMR P1 port, an SML optical head), read one
 * message at a time from one thread.
 */
public interface StreamingMeter extends AutoCloseable {

    /**
     * Waits for the meter's next message.
     *
     * @throws MeterFaultException when the message itself or the connection gives no trustworthy reading; an
     *                             unreachable one (the circuit breaker counts those) closes the connection and the
     *                             next call connects again
     */
    MeterReadings next();

    /** Closes the connection; a read blocked in {@link #next()} ends at once. */
    @Override
    void close();
}
