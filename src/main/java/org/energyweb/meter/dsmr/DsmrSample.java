package org.energyweb.meter.dsmr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What one P1 telegram says about the electricity meter and, when one is attached, the gas meter.
 *
 * @param time        the telegram's own time (0-0:1.0.0), UTC
 * @param equipmentId the electricity meter's equipment id (0-0:96.1.1), decoded from hex when it is hex
 * @param importWh    1.8.1 + 1.8.2 (delivered to the client, both tariffs)
 * @param exportWh    2.8.1 + 2.8.2 (delivered by the client, both tariffs)
 * @param powerW      1.7.0 - 2.7.0: positive when drawing from the grid, negative when feeding in
 */
public record DsmrSample(Instant time, String equipmentId, long importWh, long exportWh, long powerW, Optional<Gas> gas) {

    /** The gas meter's last hourly (DSMR 4) or five-minute (DSMR 5) value, with its own time. */
    public record Gas(Instant time, BigDecimal cubicMetres) {
    }
}
