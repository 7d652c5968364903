package org.energyweb.meter;

import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks each measurement of a cumulative register against the last accepted one of the same meter:
 * a counter going backwards, a jump larger than the meter's rated power allows in the elapsed time,
 * or a time in the future are faults, not readings.
 */
public final class Plausibility {

    /** Clocks of meters and gateways drift; a few seconds ahead is tolerated. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    private final Clock clock;
    private final Map<String, Measurement> lastAccepted = new ConcurrentHashMap<>();
    private final Map<String, Long> ratedPowerW = new ConcurrentHashMap<>();

    public Plausibility(Clock clock) {
        this.clock = clock;
    }

    /** A meter that cannot deliver more than {@code watts}: a jump beyond it is a fault. */
    public Plausibility ratedPower(String meter, long watts) {
        ratedPowerW.put(meter, watts);
        return this;
    }

    /** Seeds the last accepted value, e.g. from the ledger's head after a restart. */
    public void accepted(Measurement measurement) {
        if (!measurement.down()) {
            lastAccepted.put(measurement.meter(), measurement);
        }
    }

    /**
     * Returns the measurement when it is plausible and remembers it.
     *
     * @throws MeterFaultException with the reason otherwise
     */
    public Measurement check(Measurement measurement) {
        if (measurement.down()) {
            return measurement;
        }
        Instant now = clock.instant();
        if (measurement.time().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw fault(measurement, "timestamp " + measurement.time() + " is in the future (gateway time " + now + ")");
        }
        Measurement last = lastAccepted.get(measurement.meter());
        if (last != null) {
            long delta = measurement.energyWh() - last.energyWh();
            if (delta < 0) {
                throw fault(measurement, "counter went backwards from " + last.energyWh() + " Wh to " + measurement.energyWh() + " Wh");
            }
            Long rated = ratedPowerW.get(measurement.meter());
            if (rated != null) {
                double hours = Math.max(0, Duration.between(last.time(), measurement.time()).toMillis()) / 3_600_000.0;
                // One Wh of slack absorbs register rounding on very short intervals.
                double possible = rated * hours + 1;
                if (delta > possible) {
                    throw fault(measurement, "jump of " + delta + " Wh in " + Duration.between(last.time(), measurement.time())
                            + " exceeds what a rated " + rated + " W meter can deliver (" + (long) possible + " Wh)");
                }
            }
        }
        lastAccepted.put(measurement.meter(), measurement);
        return measurement;
    }

    private static MeterFaultException fault(Measurement measurement, String reason) {
        return MeterFaultException.implausible(new MeterFault(measurement.meter(), measurement.time(), measurement.source(), reason, null));
    }
}
