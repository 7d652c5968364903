package org.energyweb.meter.sml;

import org.energyweb.meter.MeterReadings;
import org.energyweb.meter.Plausibility;
import org.energyweb.meter.StreamingMeter;
import org.energyweb.meter.link.LinkConnection;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * One SML meter read through its reading head's TCP bridge or on a serial device: each call waits for the next SML
 * file the meter pushes (every 1 to 4 s) and turns it into a measurement. eHZ meters have no real-time clock (their
 * SML time is a seconds index), so a reading is dated when its file arrives. A file with a bad CRC or escape
 * sequence, a missing register, a register in another unit or a value that is not plausible is a fault carrying the
 * file's bytes; a bridge that refuses the connection, a serial device that cannot be opened, or silence is an
 * unreachable fault (the circuit breaker counts those) and the next call connects again.
 *
 * <p>Used from one thread at a time.
 */
public final class SmlSource implements StreamingMeter {

    private final SmlSettings settings;
    private final Clock clock;
    private final Plausibility plausibility;
    private LinkConnection connection;
    private SmlFileStream files;

    public SmlSource(SmlSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.plausibility = new Plausibility(clock);
    }

    @Override
    public MeterReadings next() {
        SmlSample sample;
        SmlFileStream stream = files;
        try {
            if (stream == null) {
                stream = connect();
            }
            sample = SmlFileReader.read(stream.next());
        } catch (SmlFormatException e) {
            throw fault(e.getMessage(), stream.lastBytes());
        } catch (IOException e) {
            close();
            throw MeterFaultException.unreachable(new MeterFault(settings.meterId(), clock.instant(), settings.source(),
                    "SML reading head unreachable: " + e.getMessage(), null), e);
        }
        try {
            return new MeterReadings(List.of(plausibility.check(new Measurement(settings.meterId(), clock.instant(), sample.importWh(), false,
                    settings.source(), sample.exportWh(), sample.powerW()))), List.of());
        } catch (MeterFaultException e) {
            throw fault(e.fault().reason(), stream.lastBytes());
        }
    }

    private SmlFileStream connect() throws IOException {
        LinkConnection opened = settings.link().open(settings.readTimeout());
        try {
            files = new SmlFileStream(new BufferedInputStream(opened.input()), settings.readTimeout());
            connection = opened;
            return files;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    private MeterFaultException fault(String reason, byte[] payload) {
        return new MeterFaultException(new MeterFault(settings.meterId(), clock.instant(), settings.source(), reason, payload));
    }

    @Override
    public void close() {
        files = null;
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
