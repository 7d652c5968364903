package org.energyweb.reading;

/** The newest reading of a meter: what the next reading of that meter links to. */
public record ChainHead(String meter, long seq, byte[] sha256, long energyWh) {
}
