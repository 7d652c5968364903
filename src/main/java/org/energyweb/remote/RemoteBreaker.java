package org.energyweb.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The circuit breaker in front of one remote: an IPFS node, a chain's RPC node, a meter. After
 * {@link BreakerSettings#failureThreshold()} consecutive outages (failures {@code isOutage} accepts:
 * no connection, no answer; not an answer the remote gave) the circuit opens, and calls fail at once
 * with a message naming the remote, without touching the network and without a log line each. When
 * {@link BreakerSettings#openDuration()} has passed, one trial call goes through: success closes the
 * circuit, failure opens it again.
 *
 * <p>An outage is logged three times, however long it lasts: when the circuit opens (with the
 * cause), at the first trial, and when it closes again. Later trials that fail only log at debug.
 */
public final class RemoteBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteBreaker.class);

    private final String remote;
    private final BreakerSettings settings;
    private final Function<String, ? extends RuntimeException> whenOpen;
    private final CircuitBreaker breaker;
    private volatile Throwable lastFailure;
    private volatile long openedAt;
    private volatile long outageStart;
    private volatile int failedTrials;

    /**
     * @param remote   what the remote is and where, for messages: {@code IPFS node http://127.0.0.1:5001}
     * @param isOutage which failures count towards opening; any other outcome counts as the remote answering
     * @param whenOpen the exception a refused call fails with, given the message; the caller's own kind,
     *                 so its retry logic treats it like the remote being unreachable
     */
    public RemoteBreaker(String remote, BreakerSettings settings, Predicate<Throwable> isOutage,
                         Function<String, ? extends RuntimeException> whenOpen) {
        this.remote = remote;
        this.settings = settings;
        this.whenOpen = whenOpen;
        // The last N calls all failed is N consecutive failures: a count window of N at a 100 % failure rate.
        this.breaker = CircuitBreaker.of(remote, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failureThreshold())
                .minimumNumberOfCalls(settings.failureThreshold())
                .failureRateThreshold(100)
                // Slowness is the remote's timeout's business, not a reason to open.
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(Duration.ofDays(1))
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(isOutage)
                .build());
        breaker.getEventPublisher().onStateTransition(this::onTransition);
        settings.board().track(this);
    }

    /** A breaker whose refused calls fail with {@link CircuitOpenException}. */
    public RemoteBreaker(String remote, BreakerSettings settings, Predicate<Throwable> isOutage) {
        this(remote, settings, isOutage, CircuitOpenException::new);
    }

    public String remote() {
        return remote;
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Runs {@code call} unless the circuit is open; its outcome counts towards the circuit's state. */
    public <T> T call(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            throw whenOpen.apply(refusal());
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException | Error e) {
            failed(start, e);
            throw e;
        }
    }

    /** As {@link #call}, for a call that completes later; a refused call gives a failed future. */
    public <T> CompletableFuture<T> callAsync(Supplier<CompletableFuture<T>> call) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(whenOpen.apply(refusal()));
        }
        long start = System.nanoTime();
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException | Error e) {
            failed(start, e);
            throw e;
        }
        return future.whenComplete((result, failure) -> {
            if (failure == null) {
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            } else {
                failed(start, failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
    }

    /** What an open circuit says instead of calling: which remote, and when it is tried again. */
    public String openNote() {
        long left = settings.openDuration().toMillis() - (System.nanoTime() - openedAt) / 1_000_000;
        String next = left < 1000 ? "under a second" : ((left + 999) / 1000) + "s";
        return "circuit open, next try in " + next;
    }

    private String refusal() {
        if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
            return remote + " unreachable; circuit half-open, a trial call is under way";
        }
        return remote + " unreachable; " + openNote();
    }

    private void failed(long start, Throwable failure) {
        // Kept before the breaker hears of it: the transition to open it may cause logs this cause.
        lastFailure = failure;
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
    }

    private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
        long now = System.nanoTime();
        switch (event.getStateTransition()) {
            case CLOSED_TO_OPEN -> {
                openedAt = now;
                outageStart = now;
                failedTrials = 0;
                LOG.warn("{} unreachable after {} consecutive failures; circuit open, calls fail fast for {}: {}", remote,
                        settings.failureThreshold(), seconds(settings.openDuration()), cause());
            }
            case OPEN_TO_HALF_OPEN -> {
                if (failedTrials == 0) {
                    LOG.info("{}: circuit half-open, one trial call goes through", remote);
                } else {
                    LOG.debug("{}: circuit half-open, trial call {}", remote, failedTrials + 1);
                }
            }
            case HALF_OPEN_TO_OPEN -> {
                openedAt = now;
                failedTrials++;
                LOG.debug("{} still unreachable; circuit open again for {}: {}", remote, seconds(settings.openDuration()), cause());
            }
            case HALF_OPEN_TO_CLOSED -> LOG.info("{} reachable again; circuit closed after {} ({} failed trial call(s))", remote,
                    seconds(Duration.ofNanos(now - outageStart)), failedTrials);
            default -> LOG.debug("{}: circuit {}", remote, event.getStateTransition());
        }
    }

    private String cause() {
        Throwable failure = lastFailure;
        return failure == null ? "unknown cause" : failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
