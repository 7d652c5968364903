package org.energyweb.meter.sim.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.meter.sim.SimulatedMeter;

import java.time.Instant;

/** One exchange per meter per poll, all stamped with the same poll time. */
public class SimulatorConsumer extends ScheduledPollConsumer {

    public SimulatorConsumer(SimulatorEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected int poll() throws Exception {
        Instant now = Instant.now();
        int emitted = 0;
        for (SimulatedMeter meter : ((SimulatorEndpoint) getEndpoint()).meters()) {
            Exchange exchange = createExchange(true);
            try {
                exchange.getMessage().setHeader(SimulatorConstants.METER, meter.meterId());
                exchange.getMessage().setBody(meter.read(now));
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("simulated reading of " + meter.meterId() + " failed", exchange, exchange.getException());
                }
            } finally {
                releaseExchange(exchange, false);
            }
            emitted++;
        }
        return emitted;
    }
}
