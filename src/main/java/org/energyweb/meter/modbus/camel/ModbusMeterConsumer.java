package org.energyweb.meter.modbus.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.modbus.ModbusMeterPoller;
import org.energyweb.meter.camel.MeterOutcome;

import java.time.Clock;
import java.util.Optional;
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
    private MeterCircuit circuit;

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
        circuit = new MeterCircuit(poller.meterId(), poller.source(), endpoint.breakerSettings());
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
        MeterOutcome outcome = MeterOutcome.poll(circuit, () -> Optional.of(poller.poll()));
        if (outcome.isNothing()) {
            // The circuit is open: the meter was left alone, and its outage is already on record.
            return 0;
        }
        Exchange exchange = createExchange(false);
        try {
            outcome.writeTo(exchange);
            getProcessor().process(exchange);
            return 1;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
