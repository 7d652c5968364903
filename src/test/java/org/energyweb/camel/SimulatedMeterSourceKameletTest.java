package org.energyweb.camel;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedMeterSourceKameletTest extends KameletTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:simulated-meter-source?meterCount=2&meterPrefix=pv-&period=50&profile=solar&peakPowerW=8000")
                        .to("mock:readings");
            }
        };
    }

    @Test
    void emitsAMeasurementPerMeterAndPeriodWithMonotonicCounters() throws Exception {
        MockEndpoint readings = getMockEndpoint("mock:readings");
        readings.expectedMinimumMessageCount(6);
        readings.assertIsSatisfied();

        var measurements = readings.getExchanges().stream().map(e -> e.getMessage().getBody(Measurement.class)).toList();
        Set<String> meters = measurements.stream().map(Measurement::meter).collect(Collectors.toSet());
        assertThat(meters).containsExactlyInAnyOrder("pv-1", "pv-2");
        for (String meter : meters) {
            var ofMeter = measurements.stream().filter(m -> m.meter().equals(meter)).map(Measurement::energyWh).toList();
            assertThat(ofMeter).isSorted();
        }
        assertThat(measurements).allSatisfy(m -> assertThat(m.source()).isEqualTo("simulator:solar"));
    }
}
