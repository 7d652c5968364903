package org.energyweb.meter.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.PolledMeter;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The consumer of a meter that answers when asked (Modbus, M-Bus): polls it on its own scheduler thread and over its
 * own connection, through its circuit breaker, so a meter that times out delays nobody else. A protocol only says how
 * its meter is opened.
 */
public abstract class PollingMeterConsumer extends ScheduledPollConsumer {

    private final MeterSourceEndpoint endpoint;
    private PolledMeter meter;
    private MeterCircuit circuit;

    /** @param period milliseconds between the starts of two polls; not positive stops the route with a clear error */
    protected PollingMeterConsumer(MeterSourceEndpoint endpoint, Processor processor, long period) {
        super(endpoint, processor);
        if (period <= 0) {
            throw new IllegalArgumentException(endpoint.getEndpointUri() + ": period must be positive, was " + period + " ms");
        }
        this.endpoint = endpoint;
        setDelay(period);
        setTimeUnit(TimeUnit.MILLISECONDS);
        setInitialDelay(0);
        // A fixed rate keeps readings on the period's grid however long a read takes.
        setUseFixedDelay(false);
    }

    /** Opens the meter when the consumer starts; bad settings throw here and stop the route with a clear error. */
    protected abstract PolledMeter open();

    @Override
    protected void doStart() throws Exception {
        meter = open();
        circuit = endpoint.openCircuit(meter.source());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (meter != null) {
            meter.close();
            meter = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        MeterOutcome outcome = MeterOutcome.poll(circuit, () -> Optional.of(meter.poll()));
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
