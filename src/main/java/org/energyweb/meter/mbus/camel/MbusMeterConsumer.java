package org.energyweb.meter.mbus.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.camel.MeterOutcome;
import org.energyweb.meter.mbus.MbusSettings;
import org.energyweb.meter.mbus.MbusSource;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Polls one M-Bus meter on its own scheduler thread through its circuit breaker (M-Bus is request and answer). */
public final class MbusMeterConsumer extends ScheduledPollConsumer {

    private final MbusMeterEndpoint endpoint;
    private final MbusSettings settings;
    private MbusSource source;
    private MeterCircuit circuit;

    MbusMeterConsumer(MbusMeterEndpoint endpoint, Processor processor, MbusSettings settings) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.settings = settings;
        setDelay(endpoint.getPeriod());
        setTimeUnit(TimeUnit.MILLISECONDS);
        setInitialDelay(0);
        // A fixed rate keeps readings on the period's grid however long a read takes.
        setUseFixedDelay(false);
    }

    @Override
    protected void doStart() throws Exception {
        source = new MbusSource(settings, Clock.systemUTC());
        circuit = new MeterCircuit(settings.meterId(), settings.source(), endpoint.breakerSettings());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (source != null) {
            source.close();
            source = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        MeterOutcome outcome = MeterOutcome.poll(circuit, () -> Optional.of(source.poll()));
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
