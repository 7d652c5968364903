package org.energyweb.meter.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.energyweb.camel.ContextBeans;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.MeterCircuits;
import org.energyweb.remote.camel.BreakerOptions;

/** What every meter source endpoint has: the meter's chain id, its circuit breaker, and no producer. */
public abstract class MeterSourceEndpoint extends DefaultEndpoint {

    /** The name of each CamelContext's {@link MeterCircuits} in its registry. */
    public static final String CIRCUITS = "energywebMeterCircuits";

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

    /** A new circuit for the meter read at {@code source}: the one its health check and the breaker gauge of this context see. */
    public MeterCircuit openCircuit(String source) {
        return circuits(getCamelContext()).open(meterId, source, breaker.breakerSettings(getCamelContext()));
    }

    /** The meters' circuits of {@code context}'s gateway. */
    public static MeterCircuits circuits(CamelContext context) {
        return ContextBeans.computeIfAbsent(context, CIRCUITS, MeterCircuits.class, MeterCircuits::new);
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
