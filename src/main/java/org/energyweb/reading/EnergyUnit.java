package org.energyweb.reading;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The energy units sources report in. Everything is converted to Wh exactly (decimal arithmetic,
 * never binary floating point) and rounded once, at the end, to the integer Wh a document holds.
 */
public enum EnergyUnit {
    JOULE(BigDecimal.ONE.divide(BigDecimal.valueOf(3600), MathContext.DECIMAL128), "joules", "joule", "J"),
    WATT_HOUR(BigDecimal.ONE, "watt_hour", "wattHour", "Wh"),
    KILOWATT_HOUR(BigDecimal.valueOf(1_000), "kilowatt_hour", "kilowattHour", "kWh"),
    MEGAWATT_HOUR(BigDecimal.valueOf(1_000_000), "megawatt_hour", "megawattHour", "MWh"),
    GIGAWATT_HOUR(BigDecimal.valueOf(1_000_000_000), "gigawatt_hour", "gigawattHour", "GWh");

    private final BigDecimal wattHours;
    private final String[] names;

    EnergyUnit(BigDecimal wattHours, String... names) {
        this.wattHours = wattHours;
        this.names = names;
    }

    /** Accepts the spellings of the Energy API v1/v2 and v3 and the usual symbols, case-insensitively. */
    public static EnergyUnit parse(String name) {
        for (EnergyUnit unit : values()) {
            for (String candidate : unit.names) {
                if (candidate.toLowerCase(Locale.ROOT).equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
                    return unit;
                }
            }
        }
        throw new IllegalArgumentException("unknown energy unit '" + name + "' (expected joules, watt_hour, kilowatt_hour, megawatt_hour or gigawatt_hour)");
    }

    /** The value in Wh, exact for every unit but joules (which keeps 34 significant digits). */
    public BigDecimal toWattHours(BigDecimal value) {
        if (this == JOULE) {
            return value.divide(BigDecimal.valueOf(3600), MathContext.DECIMAL128);
        }
        return value.multiply(wattHours);
    }

    /** Rounds a Wh amount to the integer Wh of a document (half to even), refusing what does not fit. */
    public static long roundToWattHours(BigDecimal wattHours) {
        BigInteger rounded = wattHours.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        if (rounded.bitLength() > 53) {
            throw new IllegalArgumentException(wattHours.toPlainString() + " Wh is beyond what a reading can hold exactly");
        }
        return rounded.longValueExact();
    }
}
