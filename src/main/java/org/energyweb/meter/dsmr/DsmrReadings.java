package org.energyweb.meter.dsmr;

import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;

import java.util.List;

/**
 * What one telegram gave its two meters: the readings that held, and the faults of a meter whose value did not
 * (each carrying the telegram). One meter's fault never drops the other meter's reading.
 */
public record DsmrReadings(List<Measurement> readings, List<MeterFaultException> faults) {

    public DsmrReadings {
        readings = List.copyOf(readings);
        faults = List.copyOf(faults);
    }
}
