package org.energyweb.meter.energyapi;

import org.energyweb.meter.http.FaultReporter;

import java.time.Instant;

/** An Energy API client: fetches the entries of one device in a time window. */
public interface EnergyApi {

    /**
     * The entries measured after {@code after} and up to {@code until}; servers may include
     * entries at either bound, which {@link EnergyApiSource} filters.
     *
     * @throws org.energyweb.reading.MeterFaultException when the API cannot be read or its answer cannot be trusted
     */
    EnergyWindow fetch(Instant after, Instant until);

    /** Names the meter and the source in fault records. */
    FaultReporter faults();
}
