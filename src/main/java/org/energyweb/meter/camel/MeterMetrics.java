package org.energyweb.meter.camel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.support.SynchronizationAdapter;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The meters' own figures, recorded where every meter source delivers what it read
 * ({@link MeterOutcome#writeTo}), so a new source has them without a line of its own:
 * {@code energyweb_meter_faults_total{meter,reason}} with the fault's {@link org.energyweb.reading.MeterFaultException.Kind}
 * as the reason (the reason text itself would make a series per message), and
 * {@code energyweb_meter_read_seconds{meter}}, a histogram of polls that gave a reading or a fault, each
 * counted once its exchange completed (its reading or dead letter recorded). They go to
 * the registry Camel's metrics use (bound as {@value MicrometerConstants#METRICS_REGISTRY_NAME}); without one
 * (a route run without the management port) nothing is recorded.
 */
final class MeterMetrics {

    private static final String UNKNOWN_METER = "unknown";

    private final MeterRegistry registry;

    private MeterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static Optional<MeterMetrics> of(CamelContext context) {
        return Optional.ofNullable(context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class))
                .map(MeterMetrics::new);
    }

    /**
     * Records {@code outcome} once {@code exchange} completed, so that a fault is counted exactly when its
     * dead letter is recorded (an exchange refused by a stopping route is neither).
     */
    void recordWhenDone(Exchange exchange, MeterOutcome outcome) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                record(outcome);
            }
        });
    }

    private void record(MeterOutcome outcome) {
        String meter = outcome.meter() != null ? outcome.meter() : UNKNOWN_METER;
        outcome.pollNanos().ifPresent(nanos -> Timer.builder("energyweb.meter.read").description("How long a poll of a meter took")
                .tag("meter", meter).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS));
        outcome.fault().ifPresent(fault -> Counter.builder("energyweb.meter.faults")
                .description("Faults of a meter (each a dead letter), by kind: unreachable, implausible, invalid")
                .tag("meter", meter).tag("reason", fault.kind().label()).register(registry).increment());
    }
}
