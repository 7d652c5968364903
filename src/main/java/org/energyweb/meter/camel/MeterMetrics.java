package org.energyweb.meter.camel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.support.SynchronizationAdapter;
import org.energyweb.camel.ContextBeans;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters' own figures, recorded where every meter source delivers what it read
 * ({@link MeterOutcome#writeTo}), so a new source has them without a line of its own:
 * {@code energyweb_meter_faults_total{meter,reason}} with the fault's {@link org.energyweb.reading.MeterFaultException.Kind}
 * as the reason (the reason text itself would make a series per message), and
 * {@code energyweb_meter_read_seconds{meter}}, a histogram of polls that gave a reading or a fault, each
 * counted once its exchange completed (its reading or dead letter recorded). They go to
 * the registry Camel's metrics use (bound as {@value MicrometerConstants#METRICS_REGISTRY_NAME} before the routes start);
 * without one (a route run without the management port) nothing is recorded.
 *
 * <p>One per CamelContext, which keeps each meter's timer and counters once registered: a poll then costs a map lookup,
 * not a meter builder and the registry's own lookup of the meter by name and tags.
 */
final class MeterMetrics {

    /** The name of each CamelContext's meter metrics in its registry. */
    static final String NAME = "energywebMeterMetrics";
    private static final String UNKNOWN_METER = "unknown";

    private final MeterRegistry registry;
    private final Map<String, Timer> reads = new ConcurrentHashMap<>();
    private final Map<Fault, Counter> faults = new ConcurrentHashMap<>();

    private record Fault(String meter, String reason) {
    }

    private MeterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static MeterMetrics of(CamelContext context) {
        return ContextBeans.computeIfAbsent(context, NAME, MeterMetrics.class, () -> new MeterMetrics(
                context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class)));
    }

    /**
     * Records {@code outcome} once {@code exchange} completed, so that a fault is counted exactly when its
     * dead letter is recorded (an exchange refused by a stopping route is neither).
     */
    void recordWhenDone(Exchange exchange, MeterOutcome outcome) {
        if (registry == null) {
            return;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                record(outcome);
            }
        });
    }

    private void record(MeterOutcome outcome) {
        String meter = outcome.meter() != null ? outcome.meter() : UNKNOWN_METER;
        outcome.pollNanos().ifPresent(nanos -> reads.computeIfAbsent(meter, this::readTimer).record(nanos, TimeUnit.NANOSECONDS));
        outcome.fault().ifPresent(fault -> faults.computeIfAbsent(new Fault(meter, fault.kind().label()), this::faultCounter).increment());
    }

    private Timer readTimer(String meter) {
        return Timer.builder("energyweb.meter.read").description("How long a poll of a meter took")
                .tag("meter", meter).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private Counter faultCounter(Fault fault) {
        return Counter.builder("energyweb.meter.faults")
                .description("Faults of a meter (each a dead letter), by kind: unreachable, implausible, invalid")
                .tag("meter", fault.meter()).tag("reason", fault.reason()).register(registry);
    }
}
