package org.energyweb.remote;

import java.time.Duration;

/**
 * When a {@link RemoteBreaker} opens and for how long, and which gateway shows its state.
 *
 * @param failureThreshold consecutive failures that open the circuit
 * @param openDuration     how long an open circuit fails calls fast before it lets one trial call through
 * @param board            the gateway whose breaker gauge shows the breaker; {@link BreakerBoard#NONE} outside a gateway
 */
public record BreakerSettings(int failureThreshold, Duration openDuration, BreakerBoard board) {

    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    public static final long DEFAULT_OPEN_MILLIS = 10_000;
    public static final BreakerSettings DEFAULT = new BreakerSettings(DEFAULT_FAILURE_THRESHOLD, Duration.ofMillis(DEFAULT_OPEN_MILLIS));

    public BreakerSettings {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("breakerFailureThreshold must be at least 1, was " + failureThreshold);
        }
        if (openDuration == null || openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("breakerOpenDuration must be positive, was " + openDuration);
        }
        if (board == null) {
            throw new IllegalArgumentException("board is required (BreakerBoard.NONE outside a gateway)");
        }
    }

    /** A breaker outside a gateway. */
    public BreakerSettings(int failureThreshold, Duration openDuration) {
        this(failureThreshold, openDuration, BreakerBoard.NONE);
    }

    /** These settings for a breaker {@code board} shows. */
    public BreakerSettings on(BreakerBoard board) {
        return new BreakerSettings(failureThreshold, openDuration, board);
    }

    /** From endpoint options: a threshold and milliseconds. */
    public static BreakerSettings of(int failureThreshold, long openMillis) {
        return new BreakerSettings(failureThreshold, Duration.ofMillis(openMillis));
    }
}
