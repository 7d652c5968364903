package org.energyweb.reading;

import java.time.Instant;

/** The newest reading of a meter: what the next reading of that meter links to, and must come after in time. */
public record ChainHead(String meter, long seq, byte[] sha256, long energyWh, Instant time) {
}
