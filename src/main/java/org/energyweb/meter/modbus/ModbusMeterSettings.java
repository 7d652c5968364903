package org.energyweb.meter.modbus;

import org.energyweb.reading.MeterId;

/**
 * How to read one meter.
 *
 * @param map         the register map of a non-SunSpec meter; null to discover SunSpec
 * @param invert      true for a meter installed the other way round (import and export swapped)
 * @param ratedPowerW the most the meter can deliver, bounding plausible jumps; null for no bound
 */
public record ModbusMeterSettings(String meterId, ModbusAddress address, RegisterMap map, boolean invert, Long ratedPowerW) {

    public ModbusMeterSettings {
        MeterId.require(meterId);
        if (ratedPowerW != null && ratedPowerW <= 0) {
            throw new IllegalArgumentException("rated power of meter " + meterId + " must be positive, was " + ratedPowerW + " W");
        }
    }
}
