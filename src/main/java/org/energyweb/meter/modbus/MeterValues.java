package org.energyweb.meter.modbus;

import java.math.BigDecimal;

/**
 * What one read of a meter gave, before counters are unwrapped and checked.
 *
 * @param imported energy taken from the grid (becomes the reading's energyWh)
 * @param exported energy fed into the grid
 * @param powerW   active power, positive when importing; null when the meter has no such value
 */
public record MeterValues(EnergyCounter imported, EnergyCounter exported, BigDecimal powerW) {

    /** For a meter installed the other way round: import and export swap, power changes sign. */
    public MeterValues inverted() {
        return new MeterValues(exported, imported, powerW == null ? null : powerW.negate());
    }
}
