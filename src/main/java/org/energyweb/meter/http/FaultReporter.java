package org.energyweb.meter.http;

import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import java.time.Clock;

/** Turns a reason into a {@link MeterFaultException} that names the meter, the source and the time of the attempt. */
public record FaultReporter(String meter, String source, Clock clock) {

    public MeterFaultException fault(String reason, byte[] payload) {
        return new MeterFaultException(new MeterFault(meter, clock.instant(), source, reason, payload));
    }

    public MeterFaultException fault(String reason, byte[] payload, Throwable cause) {
        return new MeterFaultException(new MeterFault(meter, clock.instant(), source, reason, payload), cause);
    }

    /** The API could not be reached at all (no connection, no answer), which the meter's circuit breaker counts. */
    public MeterFaultException unreachable(String reason, Throwable cause) {
        return MeterFaultException.unreachable(new MeterFault(meter, clock.instant(), source, reason, null), cause);
    }
}
