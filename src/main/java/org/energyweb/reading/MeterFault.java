package org.energyweb.reading;

import java.time.Instant;

/**
 * A reading that could not be taken or cannot be trusted: never a number, always a reason.
 *
 * @param payload the raw input as received (registers, body...), or null
 */
public record MeterFault(String meter, Instant time, String source, String reason, byte[] payload) {

    public MeterFault {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a fault needs a reason");
        }
    }
}
