package org.energyweb.meter.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.energyweb.remote.camel.BreakerOptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address group every TCP meter endpoint shares, set from the URI through Camel's generated configurers. */
class TcpMeterEndpointTest {

    private static final Map<String, Integer> USUAL_PORTS = Map.of("modbus-meter", 502, "dsmr-meter", 2000, "sml-meter", 8888,
            "mbus-meter", 10001);

    @Test
    void eachSchemeTakesItsProtocolsUsualPortUntilThePortOptionIsSet() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            for (Map.Entry<String, Integer> scheme : USUAL_PORTS.entrySet()) {
                TcpMeterAddress usual = camel.getEndpoint(scheme.getKey() + ":m1?host=meter.local", TcpMeterEndpoint.class).getAddress();
                TcpMeterAddress set = camel.getEndpoint(scheme.getKey() + ":m2?host=bridge.local&port=7000", TcpMeterEndpoint.class)
                        .getAddress();
                assertThat(usual.getHost() + ":" + usual.getPort()).as(scheme.getKey()).isEqualTo("meter.local:" + scheme.getValue());
                assertThat(set.getHost() + ":" + set.getPort()).as(scheme.getKey()).isEqualTo("bridge.local:7000");
            }
        }
    }

    @Test
    void eachSchemeSetsTheBreakerOptionsOfItsUriOnTheMetersBreaker() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            for (String scheme : USUAL_PORTS.keySet()) {
                BreakerOptions breaker = camel.getEndpoint(scheme + ":m1?host=meter.local&breakerFailureThreshold=7&breakerOpenDuration=1234",
                        TcpMeterEndpoint.class).getBreaker();
                assertThat(breaker.getBreakerFailureThreshold() + "/" + breaker.getBreakerOpenDuration()).as(scheme).isEqualTo("7/1234");
            }
        }
    }

    @Test
    void aPolledMeterWithoutAPositivePeriodGetsNoConsumer() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            for (String scheme : new String[] {"modbus-meter", "mbus-meter"}) {
                TcpMeterEndpoint endpoint = camel.getEndpoint(scheme + ":m1?host=127.0.0.1&period=0", TcpMeterEndpoint.class);
                assertThatThrownBy(() -> endpoint.createConsumer(exchange -> { }))
                        .as(scheme).hasMessageContaining("period must be positive, was 0 ms");
            }
        }
    }
}
