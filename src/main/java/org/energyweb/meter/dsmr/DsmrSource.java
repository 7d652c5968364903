package org.energyweb.meter.dsmr;

import org.energyweb.meter.MeterReadings;
import org.energyweb.meter.Plausibility;
import org.energyweb.meter.StreamingMeter;
import org.energyweb.meter.link.LinkConnection;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One P1 port read through its TCP bridge or on a serial device: each call waits for the next telegram
 * and turns it into the electricity meter's measurement (and the gas meter's, when its own timestamp
 * moved on). A telegram with a bad CRC, a missing register or a value that is not plausible is a fault
 * carrying the telegram; a bridge that refuses the connection, a serial device that cannot be opened,
 * silence or a hang-up is an unreachable fault (the circuit breaker counts those) and the next call
 * connects again.
 *
 * <p>Used from one thread at a time.
 */
public final class DsmrSource implements StreamingMeter {

    private final DsmrSettings settings;
    private final Clock clock;
    private final Plausibility plausibility;
    private LinkConnection connection;
    private TelegramFramer framer;
    private Instant lastGasTime;

    public DsmrSource(DsmrSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.plausibility = new Plausibility(clock);
    }

    /**
     * What the next telegram says for each meter: the electricity meter's reading, then the gas meter's when it is
     * read and has a new value. The two are separate meters, so an implausible value of one is that meter's fault
     * and leaves the other's reading standing.
     *
     * @throws MeterFaultException when the telegram itself or the bridge gives no trustworthy reading
     */
    @Override
    public MeterReadings next() {
        byte[] raw = nextTelegram();
        DsmrSample sample;
        try {
            sample = DsmrSampleReader.read(DsmrTelegramParser.parse(raw));
        } catch (DsmrFormatException e) {
            throw fault(settings.meterId(), e.getMessage(), raw);
        }
        List<Measurement> readings = new ArrayList<>(2);
        List<MeterFaultException> faults = new ArrayList<>(1);
        try {
            readings.add(plausibility.check(new Measurement(settings.meterId(), sample.time(), sample.importWh(), false,
                    settings.source(), sample.exportWh(), sample.powerW())));
        } catch (MeterFaultException e) {
            faults.add(fault(e.fault().meter(), e.fault().reason(), raw));
        }
        try {
            gas(sample).ifPresent(readings::add);
        } catch (MeterFaultException e) {
            faults.add(fault(e.fault().meter(), e.fault().reason(), raw));
        }
        return new MeterReadings(readings, faults);
    }

    private Optional<Measurement> gas(DsmrSample sample) {
        if (settings.gasMeterId() == null || sample.gas().isEmpty() || sample.gas().get().time().equals(lastGasTime)) {
            return Optional.empty();
        }
        DsmrSample.Gas gas = sample.gas().get();
        // Rounded down: the ledger keeps whole Wh, and a register never claims energy not yet delivered.
        long wattHours = gas.cubicMetres().multiply(BigDecimal.valueOf(settings.gasWhPerM3())).setScale(0, RoundingMode.FLOOR).longValueExact();
        lastGasTime = gas.time();
        return Optional.of(plausibility.check(Measurement.of(settings.gasMeterId(), gas.time(), wattHours, settings.source() + "/gas")));
    }

    private byte[] nextTelegram() {
        try {
            if (framer == null) {
                connect();
            }
            return framer.next();
        } catch (DsmrFormatException e) {
            throw fault(settings.meterId(), e.getMessage(), null);
        } catch (InterruptedIOException e) {
            // A socket's or a serial port's read timeout (a connect timeout is one too).
            close();
            throw unreachable("no telegram from the " + settings.peer() + " within " + settings.readTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            close();
            throw unreachable(settings.peer() + " unreachable: " + e.getMessage(), e);
        }
    }

    private void connect() throws IOException {
        LinkConnection opened = settings.link().open(settings.readTimeout());
        try {
            framer = new TelegramFramer(new BufferedInputStream(opened.input()));
            connection = opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    private MeterFaultException fault(String meter, String reason, byte[] payload) {
        return new MeterFaultException(new MeterFault(meter, clock.instant(), settings.source(), reason, payload));
    }

    private MeterFaultException unreachable(String reason, Throwable cause) {
        return MeterFaultException.unreachable(new MeterFault(settings.meterId(), clock.instant(), settings.source(), reason, null), cause);
    }

    @Override
    public void close() {
        framer = null;
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
