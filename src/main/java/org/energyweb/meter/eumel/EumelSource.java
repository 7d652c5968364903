package org.energyweb.meter.eumel;

import org.energyweb.meter.Plausibility;
import org.energyweb.meter.http.FaultReporter;
import org.energyweb.meter.http.HttpSourceSettings;
import org.energyweb.meter.http.MeterHttpClient;
import org.energyweb.reading.EnergyUnit;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;
import org.energyweb.reading.MeterId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads an Eumel data logger ({@code GET {base}/rest} for v1, {@code GET {base}/wizard/public/api/rest}
 * for v2.1.1, Basic auth): the import register TotWhImp in Wh, the export register and power when
 * present, at the logger's UTC time {@code t}. The register must not go backwards; a logger that has
 * not measured again since the last poll (same {@code t}) gives no new reading.
 */
public final class EumelSource {

    private final MeterHttpClient http;
    private final URI endpoint;
    private final String meter;
    private final String serialNumber;
    private final Plausibility plausibility;
    private Instant lastTime;

    /** @param serialNumber the device to read when the logger serves several; null or blank for the first meter */
    public EumelSource(HttpSourceSettings settings, EumelVersion version, String serialNumber, String meter, Clock clock) {
        this.meter = MeterId.require(meter);
        this.serialNumber = serialNumber;
        this.plausibility = new Plausibility(clock);
        this.endpoint = settings.resolve(version.path());
        this.http = new MeterHttpClient(settings, new FaultReporter(meter, "eumel:" + endpoint, clock));
    }

    /** Continues after the ledger's last reading of this meter: {@code energyWh} measured at {@code time}. */
    public synchronized EumelSource resumeFrom(long energyWh, Instant time) {
        lastTime = time;
        plausibility.accepted(Measurement.of(meter, time, energyWh, source()));
        return this;
    }

    public String source() {
        return http.faults().source();
    }

    /**
     * @return the logger's current reading, or empty when it has not measured since the last one
     * @throws org.energyweb.reading.MeterFaultException when the logger cannot be read or its data cannot be trusted
     */
    public synchronized Optional<Measurement> poll() {
        byte[] body = http.get(endpoint, "application/xml");
        SunSpecReading reading = new SunSpecXml(http.faults(), body).read(serialNumber);
        if (lastTime != null && !reading.time().isAfter(lastTime)) {
            return Optional.empty();
        }
        Measurement measurement = Measurement.of(meter, reading.time(), wattHours(reading.importWh(), body), source());
        if (reading.exportWh() != null) {
            measurement = measurement.withExport(wattHours(reading.exportWh(), body));
        }
        if (reading.powerW() != null) {
            measurement = measurement.withPower(watts(reading.powerW(), body));
        }
        try {
            plausibility.check(measurement);
        } catch (MeterFaultException implausible) {
            throw http.faults().fault(implausible.fault().reason(), body);
        }
        lastTime = reading.time();
        return Optional.of(measurement);
    }

    private long watts(BigDecimal value, byte[] body) {
        try {
            return value.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            throw http.faults().fault("power " + value.toPlainString() + " W is out of range", body);
        }
    }

    private long wattHours(BigDecimal value, byte[] body) {
        try {
            return EnergyUnit.roundToWattHours(value);
        } catch (IllegalArgumentException e) {
            throw http.faults().fault(e.getMessage(), body);
        }
    }
}
