package org.energyweb.meter.dsmr.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.camel.MeterOutcome;
import org.energyweb.meter.dsmr.DsmrReadings;
import org.energyweb.meter.dsmr.DsmrSource;
import org.energyweb.reading.MeterFaultException;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The meter pushes a telegram every 1 s (DSMR 5) or 10 s (DSMR 4), so this consumer keeps one connection
 * open and reads on its own thread instead of polling on a schedule. Faults reach the route as the body
 * with the exception caught, as the other meter sources deliver them.
 */
public final class DsmrMeterConsumer extends DefaultConsumer {

    private final DsmrMeterEndpoint endpoint;
    private ExecutorService thread;
    private volatile DsmrSource source;

    DsmrMeterConsumer(DsmrMeterEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        source = new DsmrSource(endpoint.settings(), Clock.systemUTC());
        MeterCircuit circuit = new MeterCircuit(endpoint.getMeterId(), endpoint.settings().source(), endpoint.breakerSettings());
        thread = endpoint.getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "dsmr-" + endpoint.getMeterId());
        DsmrSource running = source;
        thread.submit(() -> readUntilStopped(running, circuit));
    }

    @Override
    protected void doStop() throws Exception {
        DsmrSource running = source;
        source = null;
        if (running != null) {
            // Closing the socket ends a blocked read at once.
            running.close();
        }
        if (thread != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(thread);
            thread = null;
        }
        super.doStop();
    }

    private void readUntilStopped(DsmrSource running, MeterCircuit circuit) {
        while (source == running && !Thread.currentThread().isInterrupted()) {
            try {
                Optional<DsmrReadings> telegram = circuit.poll(running::next);
                if (telegram.isEmpty()) {
                    // The circuit is open, or its trial found the bridge still away: the outage is on record.
                    pause();
                }
                telegram.ifPresent(read -> {
                    read.readings().forEach(reading -> deliver(MeterOutcome.reading(reading)));
                    read.faults().forEach(fault -> deliver(MeterOutcome.fault(fault)));
                });
            } catch (MeterFaultException fault) {
                if (source != running) {
                    return;
                }
                deliver(MeterOutcome.fault(fault));
                if (fault.unreachable()) {
                    pause();
                }
            }
        }
    }

    private void deliver(MeterOutcome outcome) {
        Exchange exchange = createExchange(false);
        try {
            outcome.writeTo(exchange);
            getProcessor().process(exchange);
        } catch (Exception e) {
            getExceptionHandler().handleException("DSMR meter " + endpoint.getMeterId(), exchange, e);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void pause() {
        try {
            Thread.sleep(endpoint.reconnectDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
