package org.energyweb.reading;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a source observed at one moment, before the ledger gives it a place in the meter's chain.
 *
 * @param meter    the meter's id
 * @param time     when the value was measured (UTC, kept to the millisecond)
 * @param energyWh the cumulative import register in Wh; null only when the meter is down, in which
 *                 case the ledger carries the last good value forward (a down meter is never 0 Wh)
 * @param down     true when the meter could not be read or its value cannot be trusted
 * @param source   where the value came from, e.g. {@code modbus:10.0.0.5:502/1} or {@code simulator}
 * @param exportWh the cumulative export register in Wh, when the meter has one
 * @param powerW   the instantaneous active power in W, when known
 */
public record Measurement(String meter, Instant time, Long energyWh, boolean down, String source, Long exportWh, Long powerW) {

    public Measurement {
        MeterId.require(meter);
        Objects.requireNonNull(time, "time");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a measurement of meter " + meter + " must name its source");
        }
        if (energyWh == null && !down) {
            throw new IllegalArgumentException("a measurement of meter " + meter + " that is up must carry energyWh");
        }
        requireNotNegative(meter, "energyWh", energyWh);
        requireNotNegative(meter, "exportWh", exportWh);
    }

    public static Measurement of(String meter, Instant time, long energyWh, String source) {
        return new Measurement(meter, time, energyWh, false, source, null, null);
    }

    /** A meter that could not be read: flagged down, its last good value carried by the ledger. */
    public static Measurement down(String meter, Instant time, String source) {
        return new Measurement(meter, time, null, true, source, null, null);
    }

    public Measurement withPower(long watts) {
        return new Measurement(meter, time, energyWh, down, source, exportWh, watts);
    }

    public Measurement withExport(long wattHours) {
        return new Measurement(meter, time, energyWh, down, source, wattHours, powerW);
    }

    private static void requireNotNegative(String meter, String field, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(field + " of meter " + meter + " is negative: " + value + " Wh");
        }
    }
}
