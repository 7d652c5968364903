package org.energyweb.chain.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** {@code origin-events:name}: contract events as a route start, with a checkpoint in the ledger. */
@org.apache.camel.spi.annotations.Component("origin-events")
public class OriginEventsComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining.isBlank()) {
            throw new IllegalArgumentException("origin-events needs a listener name: origin-events:NAME");
        }
        OriginEventsEndpoint endpoint = new OriginEventsEndpoint(uri, this, remaining);
        setProperties(endpoint.getConnection(), parameters);
        setProperties(endpoint, parameters);
        if (endpoint.getContract() == null) {
            throw new IllegalArgumentException("origin-events:" + remaining + " needs the contract option");
        }
        // Checked now, so a route with a bad event, an insecure URL or no contract fails when it is created.
        endpoint.abiEvent();
        endpoint.getConnection().connect(getCamelContext());
        return endpoint;
    }
}
