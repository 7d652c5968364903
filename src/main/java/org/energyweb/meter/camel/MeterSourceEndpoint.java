package org.energyweb.meter.camel;

import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.energyweb.remote.BreakerSettings;

/** What every meter source endpoint has: the meter's chain id, its circuit breaker, and no producer. */
public abstract class MeterSourceEndpoint extends DefaultEndpoint {

    @UriPath(description = "The id of the meter's hash chain (1-64 letters, digits, '.', '-' or '_')")
    @Metadata(required = true)
    private final String meterId;
    @UriParam(label = "advanced", defaultValue = "5", description = "Polls in a row that find the meter unreachable (no"
            + " connection, no answer, link lost) before its circuit opens. The fault that opens it is delivered with a note"
            + " saying so; while open the meter is not polled and nothing is delivered")
    private int breakerFailureThreshold = BreakerSettings.DEFAULT_FAILURE_THRESHOLD;
    @UriParam(label = "advanced", defaultValue = "10000", description = "Milliseconds an open circuit leaves the meter alone"
            + " before one trial poll; a trial that reaches the meter closes the circuit and readings resume, one that does"
            + " not delivers nothing and opens it again")
    private long breakerOpenDuration = BreakerSettings.DEFAULT_OPEN_MILLIS;

    protected MeterSourceEndpoint(String uri, Component component, String meterId) {
        super(uri, component);
        this.meterId = meterId;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + " only reads meters: use it in from()");
    }

    public BreakerSettings breakerSettings() {
        return BreakerSettings.of(breakerFailureThreshold, breakerOpenDuration);
    }

    public String getMeterId() {
        return meterId;
    }

    public int getBreakerFailureThreshold() {
        return breakerFailureThreshold;
    }

    public void setBreakerFailureThreshold(int breakerFailureThreshold) {
        this.breakerFailureThreshold = breakerFailureThreshold;
    }

    public long getBreakerOpenDuration() {
        return breakerOpenDuration;
    }

    public void setBreakerOpenDuration(long breakerOpenDuration) {
        this.breakerOpenDuration = breakerOpenDuration;
    }
}
