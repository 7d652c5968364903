package org.energyweb.meter;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.energyweb.reading.MeterFaultException;
import org.energyweb.remote.BreakerSettings;
import org.energyweb.remote.CircuitOpenException;
import org.energyweb.remote.RemoteBreaker;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A meter's circuit breaker, between its poller and the schedule. While the meter is reachable, or
 * answers with something that is not a reading, every poll happens and every fault is delivered
 * (a dead letter and a down reading, as always). After {@code failureThreshold} polls in a row found
 * the meter unreachable, the circuit opens: the fault that opened it is delivered with a note saying
 * so, and the meter is left alone for {@code openDuration}. Then one trial poll goes through; while
 * the meter is still unreachable that poll delivers nothing (the outage is already on record), and
 * once it answers, readings resume. So a meter that is away for a day costs a few dead letters, not
 * one per period, and no connection attempt per period.
 *
 * <p>Like the poller it guards, one circuit belongs to one meter and is used from one thread at a time. A gateway's
 * circuits are made by its {@link MeterCircuits}, where the meters' health checks find them.
 */
public final class MeterCircuit {

    private final RemoteBreaker breaker;

    MeterCircuit(String meterId, String source, BreakerSettings settings) {
        this.breaker = new RemoteBreaker("meter " + meterId + " (" + source + ")", settings,
                failure -> failure instanceof MeterFaultException fault && fault.unreachable());
    }

    /** What an open circuit says: when the meter is tried again. */
    public String openNote() {
        return breaker.state() == CircuitBreaker.State.HALF_OPEN ? "circuit half-open, a trial poll is under way" : breaker.openNote();
    }

    /**
     * Runs {@code poll} unless the circuit is open.
     *
     * @return what the poll gave; empty when the meter was left alone or a trial poll found it still unreachable
     * @throws MeterFaultException a fault to deliver; the one that opens the circuit says so in its reason
     */
    public <T> Optional<T> poll(Supplier<T> poll) {
        boolean trial = breaker.state() != CircuitBreaker.State.CLOSED;
        try {
            return Optional.of(breaker.call(poll));
        } catch (CircuitOpenException open) {
            return Optional.empty();
        } catch (MeterFaultException fault) {
            if (!fault.unreachable()) {
                throw fault;
            }
            if (trial) {
                return Optional.empty();
            }
            if (breaker.state() == CircuitBreaker.State.OPEN) {
                throw fault.withReason(fault.fault().reason() + "; " + breaker.openNote());
            }
            throw fault;
        }
    }

    public CircuitBreaker.State state() {
        return breaker.state();
    }
}
