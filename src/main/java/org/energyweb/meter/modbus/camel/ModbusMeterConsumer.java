package org.energyweb.meter.modbus.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.meter.modbus.ModbusMeterPoller;
import org.energyweb.reading.MeterFaultException;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Polls one meter on its own scheduler thread and over its own connection, so a meter that times out
 * delays nobody else.
 *
 * <p>Why not camel-plc4x: its endpoints read a tag list fixed in the URI, and its consumer reports a
 * lost connection as an empty map without a reason. SunSpec discovery has to read addresses it only
 * learns while walking the model chain, and every failure must carry its reason; so this consumer
 * drives the PLC4X API (the modbus driver camel-plc4x brings) directly.
 */
public final class ModbusMeterConsumer extends ScheduledPollConsumer {

    private final ModbusMeterEndpoint endpoint;
    private ModbusMeterPoller poller;

    ModbusMeterConsumer(ModbusMeterEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        setDelay(endpoint.getPeriod());
        setTimeUnit(TimeUnit.MILLISECONDS);
        setInitialDelay(0);
        // A fixed rate keeps readings on the period's grid however long a read takes.
        setUseFixedDelay(false);
    }

    @Override
    protected void doStart() throws Exception {
        poller = new ModbusMeterPoller(endpoint.settings(), Clock.systemUTC());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (poller != null) {
            poller.close();
            poller = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        Exchange exchange = createExchange(false);
        try {
            try {
                exchange.getMessage().setBody(poller.poll());
            } catch (MeterFaultException fault) {
                // Handed to the route's error handler (dead letter + down reading), never turned into a value.
                exchange.setException(fault);
            }
            getProcessor().process(exchange);
            return 1;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
