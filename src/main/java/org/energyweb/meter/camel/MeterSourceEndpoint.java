package org.energyweb.meter.camel;

import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.energyweb.remote.BreakerSettings;
import org.energyweb.remote.camel.BreakerOptions;

/** What every meter source endpoint has: the meter's chain id, its circuit breaker, and no producer. */
public abstract class MeterSourceEndpoint extends DefaultEndpoint {

    @UriPath(description = "The id of the meter's hash chain (1-64 letters, digits, '.', '-' or '_')")
    @Metadata(required = true)
    private final String meterId;
    @UriParam
    private BreakerOptions breaker = new BreakerOptions();

    protected MeterSourceEndpoint(String uri, Component component, String meterId) {
        super(uri, component);
        this.meterId = meterId;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + " only reads meters: use it in from()");
    }

    public BreakerSettings breakerSettings() {
        return breaker.breakerSettings();
    }

    public String getMeterId() {
        return meterId;
    }

    public BreakerOptions getBreaker() {
        return breaker;
    }

    public void setBreaker(BreakerOptions breaker) {
        this.breaker = breaker;
    }
}
