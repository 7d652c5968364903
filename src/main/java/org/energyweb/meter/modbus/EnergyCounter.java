package org.energyweb.meter.modbus;

import java.math.BigDecimal;

/**
 * One energy register as read: its raw count, how many Wh one count is worth, and whether it is a
 * 32-bit accumulator that wraps. A register without a value ("not implemented") keeps the reason.
 *
 * @param point             the register's name, e.g. {@code TotWhImp} or {@code energyImport}
 * @param count             the raw count, or null when the register has no value
 * @param wattHoursPerCount the scale (unit and scale factor folded in)
 * @param wraps             true for acc32 registers, which roll over at 2^32
 * @param absentReason      why there is no value, when {@code count} is null
 */
public record EnergyCounter(String point, BigDecimal count, BigDecimal wattHoursPerCount, boolean wraps, String absentReason) {

    public static EnergyCounter of(String point, BigDecimal count, BigDecimal wattHoursPerCount, boolean wraps) {
        return new EnergyCounter(point, count, wattHoursPerCount, wraps, null);
    }

    public static EnergyCounter absent(String point, String reason) {
        return new EnergyCounter(point, null, null, false, reason);
    }

    public boolean present() {
        return count != null;
    }

    /** The register in Wh as read, without unwrapping earlier roll-overs (those need the meter's history). */
    public BigDecimal wattHours() {
        return count.multiply(wattHoursPerCount);
    }
}
