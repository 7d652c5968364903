package org.energyweb.meter.sim;

import org.energyweb.reading.Measurement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * A meter whose cumulative import register follows a power profile. Each meter id gets its own
 * phase and starting register (derived from the id, so the same id always gives the same meter),
 * and the register at a time is a pure function of that time.
 */
public final class SimulatedMeter {

    /** When simulated meters were commissioned; their registers count from here. */
    public static final Instant COMMISSIONED = Instant.parse("2026-01-01T00:00:00Z");

    private final String meterId;
    private final PowerProfile profile;
    private final double peakPowerW;
    private final double phase;
    private final double initialWh;

    public SimulatedMeter(String meterId, PowerProfile profile, double peakPowerW) {
        if (!(peakPowerW > 0)) {
            throw new IllegalArgumentException("peak power of simulated meter " + meterId + " must be positive: " + peakPowerW);
        }
        this.meterId = meterId;
        this.profile = profile;
        this.peakPowerW = peakPowerW;
        long seed = seed(meterId);
        this.phase = (seed % 3600) / 3600.0 * 2 * Math.PI / 8;
        this.initialWh = seed % 100_000;
    }

    private static long seed(String meterId) {
        CRC32 crc = new CRC32();
        crc.update(meterId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    public Measurement read(Instant time) {
        double t = Math.max(0, Duration.between(COMMISSIONED, time).toMillis() / 1000.0);
        long energyWh = (long) Math.floor(initialWh + peakPowerW * profile.energyFractionSeconds(t, phase) / 3600);
        long powerW = Math.round(peakPowerW * profile.powerFraction(t, phase));
        return Measurement.of(meterId, time, energyWh, "simulator:" + profile.name().toLowerCase(java.util.Locale.ROOT)).withPower(powerW);
    }

    public String meterId() {
        return meterId;
    }
}
