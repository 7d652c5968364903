package org.energyweb.reading;

import java.time.Instant;

/**
 * The newest reading of a meter: what the next reading of that meter links to. The next good
 * reading must come after {@code goodTime} and not below {@code goodEnergyWh}, the time and register
 * of the meter's newest good reading (not down). A down reading does not move them: it is stamped
 * with the gateway's clock, and a meter whose own clock runs behind the gateway's would otherwise
 * have its next good reading refused as out of order after every fault.
 *
 * @param time         the newest reading's time (down or not)
 * @param energyWh     the newest reading's register (a down reading carries the good one forward)
 * @param goodTime     the time of the meter's newest good reading
 * @param goodEnergyWh the register of the meter's newest good reading
 */
public record ChainHead(String meter, long seq, byte[] sha256, long energyWh, Instant time, Instant goodTime, long goodEnergyWh) {
}
