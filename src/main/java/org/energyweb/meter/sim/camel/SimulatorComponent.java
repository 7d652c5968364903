package org.energyweb.meter.sim.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** Simulated energy meters with realistic cumulative counters: {@code simulator:name?meterCount=3}. */
@Component("simulator")
public class SimulatorComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SimulatorEndpoint endpoint = new SimulatorEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
