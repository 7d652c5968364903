package org.energyweb.meter;

import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;

import java.util.List;

/**
 * What one message of a meter that pushes its values (a DSMR telegram, an SML file) gave its meters: the readings
 * that held, and the faults of a meter whose value did not. One meter's fault never drops another meter's reading.
 */
public record MeterReadings(List<Measurement> readings, List<MeterFaultException> faults) {

    public MeterReadings {
        readings = List.copyOf(readings);
        faults = List.copyOf(faults);
    }
}
