package org.energyweb.meter.modbus;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one read of a meter gave, before counters are unwrapped and checked.
 *
 * @param imported energy taken from the grid (becomes the reading's energyWh)
 * @param exported energy fed into the grid
 * @param powerW   active power, positive when importing; null when the meter has no such value
 */
public record MeterValues(EnergyCounter imported, EnergyCounter exported, BigDecimal powerW) {

    /** Power rounded to whole W, or null when the meter has none. */
    public Long roundedPowerW() {
        return powerW == null ? null : powerW.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** For a meter installed the other way round: import and export swap, power changes sign. */
    public MeterValues inverted() {
        return new MeterValues(exported, imported, powerW == null ? null : powerW.negate());
    }
}
