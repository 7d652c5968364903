package org.energyweb.meter.http.camel;

import org.energyweb.meter.eumel.EumelSource;
import org.energyweb.meter.eumel.EumelVersion;
import org.energyweb.meter.http.HttpSourceSettings;
import org.energyweb.reading.Measurement;

import java.time.Clock;
import java.util.Optional;

/** The bean of the {@code eumel-source} kamelet: one Eumel data logger device as one meter. */
public class EumelPoller extends HttpMeterPoller {

    private String version = "2.1.1";
    private String serialNumber = "";

    @Override
    protected MeterPoll createSource(HttpSourceSettings settings, String meter, Optional<Measurement> resume, Clock clock) {
        EumelSource source = new EumelSource(settings, EumelVersion.parse(version), serialNumber, meter, clock);
        resume.ifPresent(last -> source.resumeFrom(last.energyWh(), last.time()));
        return source::poll;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }
}
