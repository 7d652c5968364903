package org.energyweb.meter.modbus;

import org.energyweb.meter.Plausibility;
import org.energyweb.meter.PolledMeter;
import org.energyweb.reading.EnergyUnit;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns each read of one meter into a {@link Measurement}, or a {@link MeterFaultException} with the
 * reason: unwraps acc32 counters, converts to integer Wh, and lets {@link Plausibility} reject counters
 * going backwards and impossible jumps. Counter state only advances with an accepted measurement.
 *
 * <p>One poller belongs to one meter and is called from one thread at a time.
 */
public final class ModbusMeterPoller implements PolledMeter {

    private final ModbusMeter meter;
    private final Plausibility plausibility;
    private final Clock clock;
    private final Map<String, WrappingCounter> counters = new HashMap<>();

    public ModbusMeterPoller(ModbusMeterSettings settings, Clock clock) {
        this.meter = new ModbusMeter(settings);
        this.clock = clock;
        this.plausibility = new Plausibility(clock);
        if (settings.ratedPowerW() != null) {
            plausibility.ratedPower(settings.meterId(), settings.ratedPowerW());
        }
    }

    private String meterId() {
        return meter.settings().meterId();
    }

    @Override
    public String source() {
        return meter.settings().address().source();
    }

    /** @throws MeterFaultException when the meter cannot be read or its values cannot be trusted */
    @Override
    public Measurement poll() {
        MeterValues values;
        try {
            values = meter.read();
        } catch (ModbusReadException e) {
            MeterFault fault = new MeterFault(meterId(), clock.instant(), source(), e.getMessage(), e.payload());
            throw e.unreachable() ? MeterFaultException.unreachable(fault, e) : new MeterFaultException(fault, e);
        }
        Instant time = clock.instant();
        Measurement measurement;
        try {
            measurement = measurement(values, time);
        } catch (ArithmeticException | IllegalArgumentException e) {
            // A value too large for a reading (a misread 64-bit register, a float near its limit).
            throw fault(time, "values of the meter cannot be used: " + e.getMessage(), null, e);
        }
        measurement = plausibility.check(measurement);
        accept(values.imported());
        accept(values.exported());
        return measurement;
    }

    private Measurement measurement(MeterValues values, Instant time) {
        EnergyCounter imported = values.imported();
        if (!imported.present()) {
            throw fault(time, imported.absentReason(), null, null);
        }
        Measurement measurement = new Measurement(meterId(), time, wattHours(imported, time), false, source(), null, null);
        if (values.exported().present()) {
            measurement = measurement.withExport(wattHours(values.exported(), time));
        }
        if (values.powerW() != null) {
            measurement = measurement.withPower(values.roundedPowerW());
        }
        return measurement;
    }

    private long wattHours(EnergyCounter counter, Instant time) {
        BigDecimal count = counter.wraps() ? counterOf(counter).unwrap(counter.count()) : counter.count();
        long wattHours = EnergyUnit.roundToWattHours(count.multiply(counter.wattHoursPerCount()));
        if (wattHours < 0) {
            throw fault(time, counter.point() + " is negative (" + wattHours + " Wh): a cumulative register never is", null, null);
        }
        return wattHours;
    }

    private void accept(EnergyCounter counter) {
        if (counter.present() && counter.wraps()) {
            counterOf(counter).accept(counter.count());
        }
    }

    private WrappingCounter counterOf(EnergyCounter counter) {
        return counters.computeIfAbsent(counter.point(), point -> new WrappingCounter());
    }

    private MeterFaultException fault(Instant time, String reason, byte[] payload, Throwable cause) {
        MeterFault fault = new MeterFault(meterId(), time, source(), reason, payload);
        return cause == null ? new MeterFaultException(fault) : new MeterFaultException(fault, cause);
    }

    @Override
    public void close() {
        meter.close();
    }
}
