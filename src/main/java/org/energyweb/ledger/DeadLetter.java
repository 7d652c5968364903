package org.energyweb.ledger;

import java.time.Instant;

/**
 * Input that could not become a reading, kept with the reason so nothing is dropped silently.
 *
 * @param meter    the meter concerned, or null when the fault is not tied to one (a bad config)
 * @param source   where it came from, e.g. {@code modbus:127.0.0.1:5020/1}
 * @param payload  the raw input as received, when there was one
 * @param replayed the reading it became when it was replayed, null while it was not
 * @param hop      for a reading already in the ledger that a later hop gave up on (no asset mapping, a
 *                 revert): that hop, so a replay sends the reading to it again; null for input that never
 *                 became a reading
 * @param position that reading's ledger position, with {@code hop}
 */
public record DeadLetter(long id, Instant recordedAt, String meter, String source, String reason, byte[] payload,
                         Replayed replayed, String hop, Long position) {

    /** A dead letter appended to the ledger after all (or, with a hop, sent to that hop again), as reading {@code seq} of {@code meter}. */
    public record Replayed(Instant at, String meter, long seq) {
    }

    public int payloadSize() {
        return payload == null ? 0 : payload.length;
    }
}
