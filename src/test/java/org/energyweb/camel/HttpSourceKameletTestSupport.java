package org.energyweb.camel;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import static org.assertj.core.api.Assertions.assertThat;

/** Kamelet tests of HTTP meter sources: routes are added per test, once the test's HTTP server is up. */
abstract class HttpSourceKameletTestSupport extends KameletTestSupport {

    protected void route(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    /** Waits for the first exchange at {@code mock} and checks it carries a fault the way the ledger expects it. */
    protected MeterFault firstFault(String mock) throws InterruptedException {
        MockEndpoint faults = getMockEndpoint(mock);
        faults.expectedMinimumMessageCount(1);
        faults.assertIsSatisfied(10_000);
        Exchange exchange = faults.getReceivedExchanges().get(0);
        assertThat(exchange.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(MeterFaultException.class);
        return exchange.getMessage().getBody(MeterFault.class);
    }
}
