package org.energyweb.meter.mbus;

import org.energyweb.meter.Plausibility;
import org.energyweb.meter.PolledMeter;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import java.io.IOException;
import java.time.Clock;

/**
 * One M-Bus meter as a meter source: each poll reads it once and gives its measurement, dated when the answer came
 * (the RSP_UD of most meters carries no reliable time of its own). A frame with a bad checksum, an undecodable
 * answer, a missing energy record, a foreign unit or a value that is not plausible is a fault carrying the frame; a gateway, serial device or meter that does not answer is an
 * unreachable fault (the circuit breaker counts those).
 */
public final class MbusSource implements PolledMeter {

    private final MbusSettings settings;
    private final Clock clock;
    private final Plausibility plausibility;
    private final MbusMeter meter;

    public MbusSource(MbusSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.plausibility = new Plausibility(clock);
        this.meter = new MbusMeter(settings);
    }

    @Override
    public String source() {
        return settings.source();
    }

    /** @throws MeterFaultException when the meter gives no trustworthy reading */
    @Override
    public Measurement poll() {
        MbusSample sample;
        try {
            sample = meter.read();
        } catch (MbusFormatException e) {
            throw new MeterFaultException(fault(e.getMessage(), meter.lastFrame()));
        } catch (IOException e) {
            throw MeterFaultException.unreachable(fault("M-Bus meter unreachable: " + e.getMessage(), null), e);
        }
        try {
            return plausibility.check(new Measurement(settings.meterId(), clock.instant(), sample.energyWh(), false, settings.source(), null,
                    sample.powerW()));
        } catch (MeterFaultException e) {
            throw new MeterFaultException(fault(e.fault().reason(), meter.lastFrame()));
        }
    }

    private MeterFault fault(String reason, byte[] frame) {
        return new MeterFault(settings.meterId(), clock.instant(), settings.source(), reason, frame);
    }

    @Override
    public void close() {
        meter.close();
    }
}
