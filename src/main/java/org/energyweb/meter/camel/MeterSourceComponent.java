package org.energyweb.meter.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The component of a meter source endpoint: the URI's path is the meter's id, and every option is the endpoint's, its
 * option groups (address, breaker, polling, ...) included, set through Camel's generated configurer.
 */
public abstract class MeterSourceComponent extends DefaultComponent {

    /** The scheme's endpoint for {@code meterId}, before its options are set. */
    protected abstract MeterSourceEndpoint newEndpoint(String uri, String meterId);

    @Override
    protected final Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MeterSourceEndpoint endpoint = newEndpoint(uri, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
