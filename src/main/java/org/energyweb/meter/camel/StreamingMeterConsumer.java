package org.energyweb.meter.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.MeterReadings;
import org.energyweb.meter.StreamingMeter;
import org.energyweb.reading.MeterFaultException;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The consumer of a meter that pushes its values (a DSMR telegram every 1 or 10 s, an SML file every 1 to 4 s): it
 * keeps one connection open and reads on its own thread instead of polling on a schedule, through the meter's
 * circuit breaker. Faults reach the route as the body with the exception caught, as the other meter sources
 * deliver them.
 */
public final class StreamingMeterConsumer extends DefaultConsumer {

    private final MeterSourceEndpoint endpoint;
    private final Supplier<StreamingMeter> meters;
    private final String source;
    private final long reconnectDelay;
    private ExecutorService thread;
    private volatile StreamingMeter meter;

    /**
     * @param source         where the meter is read, as its faults name it
     * @param reconnectDelay milliseconds to wait before connecting again after the meter was unreachable
     */
    public StreamingMeterConsumer(MeterSourceEndpoint endpoint, Processor processor, Supplier<StreamingMeter> meters, String source,
                                  long reconnectDelay) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.meters = meters;
        this.source = source;
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        meter = meters.get();
        MeterCircuit circuit = endpoint.openCircuit(source);
        thread = endpoint.getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "meter-" + endpoint.getMeterId());
        StreamingMeter running = meter;
        thread.submit(() -> readUntilStopped(running, circuit));
    }

    @Override
    protected void doStop() throws Exception {
        StreamingMeter running = meter;
        meter = null;
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

    private void readUntilStopped(StreamingMeter running, MeterCircuit circuit) {
        while (meter == running && !Thread.currentThread().isInterrupted()) {
            try {
                Optional<MeterReadings> message = circuit.poll(running::next);
                if (message.isEmpty()) {
                    // The circuit is open, or its trial found the meter still away: the outage is on record.
                    pause();
                }
                message.ifPresent(read -> {
                    read.readings().forEach(reading -> deliver(MeterOutcome.reading(reading)));
                    read.faults().forEach(fault -> deliver(MeterOutcome.fault(fault)));
                });
            } catch (MeterFaultException fault) {
                if (meter != running) {
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
            getExceptionHandler().handleException("meter " + endpoint.getMeterId(), exchange, e);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void pause() {
        try {
            Thread.sleep(reconnectDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
