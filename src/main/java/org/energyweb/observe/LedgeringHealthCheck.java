package org.energyweb.observe;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.energyweb.ledger.Ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Ready means readings are being ledgered: one was committed within {@code maxSilence} (counted from
 * the check's start while none has been). A readiness check only: a gateway whose meters are all away
 * is not ready, but it is not stuck either.
 */
final class LedgeringHealthCheck extends AbstractHealthCheck implements AutoCloseable {

    private final Duration maxSilence;
    private final Clock clock;
    private final Runnable unsubscribe;
    private volatile Instant lastCommit;

    LedgeringHealthCheck(Ledger ledger, Duration maxSilence, Clock clock) {
        super("energyweb", "ledgering");
        this.maxSilence = maxSilence;
        this.clock = clock;
        this.lastCommit = clock.instant();
        this.unsubscribe = ledger.onCommittedAppends(appends -> lastCommit = clock.instant());
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Duration silence = Duration.between(lastCommit, clock.instant());
        if (silence.compareTo(maxSilence) > 0) {
            builder.message("no reading ledgered for " + silence.toSeconds() + " s (limit " + maxSilence.toSeconds() + " s)").down();
        } else {
            builder.message("readings are being ledgered, the last " + silence.toSeconds() + " s ago").up();
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
