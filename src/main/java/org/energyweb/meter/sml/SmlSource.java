package org.energyweb.meter.sml;

import org.energyweb.meter.MeterReadings;
import org.energyweb.meter.Plausibility;
import org.energyweb.meter.StreamingMeter;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.List;

/**
 * One SML meter read over TCP: each call waits for the next SML file the meter pushes (every 1 to 4 s) and turns it
 * into a measurement. eHZ meters have no real-time clock (their SML time is a seconds index), so a reading is dated
 * when its file arrives. A file with a bad CRC or escape sequence, a missing register, a register in another unit
 * or a value that is not plausible is a fault carrying the file's bytes; a bridge that refuses the connection or
 * stays silent is an unreachable fault (the circuit breaker counts those) and the next call connects again.
 *
 * <p>Used from one thread at a time.
 */
public final class SmlSource implements StreamingMeter {

    private final SmlSettings settings;
    private final Clock clock;
    private final Plausibility plausibility;
    private Socket socket;
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
        Socket connected = new Socket();
        try {
            int timeout = Math.toIntExact(settings.readTimeout().toMillis());
            connected.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
            files = new SmlFileStream(new BufferedInputStream(connected.getInputStream()), settings.readTimeout());
            socket = connected;
            return files;
        } catch (IOException e) {
            connected.close();
            throw e;
        }
    }

    private MeterFaultException fault(String reason, byte[] payload) {
        return new MeterFaultException(new MeterFault(settings.meterId(), clock.instant(), settings.source(), reason, payload));
    }

    @Override
    public void close() {
        files = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that failed: nothing is left to release.
            }
            socket = null;
        }
    }
}
