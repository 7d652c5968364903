package org.energyweb.ledger;

import java.time.Instant;

/**
 * Input that could not become a reading, kept with the reason so nothing is dropped silently.
 *
 * @param meter   the meter concerned, or null when the fault is not tied to one (a bad config)
 * @param source  where it came from, e.g. {@code modbus:127.0.0.1:5020/1}
 * @param payload the raw input as received, when there was one
 */
public record DeadLetter(long id, Instant recordedAt, String meter, String source, String reason, byte[] payload) {
}
