package org.energyweb.meter.camel;

import org.apache.camel.Exchange;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * What one poll of a meter gave, and how every meter source puts it on its exchange: a reading as
 * the body, or a fault as the body with its exception as the caught one, or nothing at all (nothing
 * new, or the meter's circuit is open and its outage already on record).
 */
public final class MeterOutcome {

    private static final long NOT_POLLED = -1;
    private static final MeterOutcome NOTHING = new MeterOutcome(null, null, NOT_POLLED);

    private final Measurement reading;
    private final MeterFaultException fault;
    private final long pollNanos;

    private MeterOutcome(Measurement reading, MeterFaultException fault, long pollNanos) {
        this.reading = reading;
        this.fault = fault;
        this.pollNanos = pollNanos;
    }

    public static MeterOutcome reading(Measurement reading) {
        return new MeterOutcome(reading, null, NOT_POLLED);
    }

    public static MeterOutcome fault(MeterFaultException fault) {
        return new MeterOutcome(null, fault, NOT_POLLED);
    }

    /** Runs {@code poll} through the meter's circuit, timing it. */
    public static MeterOutcome poll(MeterCircuit circuit, Supplier<Optional<Measurement>> poll) {
        long start = System.nanoTime();
        try {
            Optional<Measurement> polled = circuit.poll(poll).flatMap(measurement -> measurement);
            return polled.map(reading -> new MeterOutcome(reading, null, System.nanoTime() - start)).orElse(NOTHING);
        } catch (MeterFaultException fault) {
            return new MeterOutcome(null, fault, System.nanoTime() - start);
        }
    }

    /** The meter the outcome is of; null for a fault of input that names none. */
    String meter() {
        return fault == null ? reading.meter() : fault.fault().meter();
    }

    /** The fault delivered, if the outcome is one. */
    Optional<MeterFaultException> fault() {
        return Optional.ofNullable(fault);
    }

    /** How long the poll that gave it took; empty when it was not polled (a meter that sends by itself). */
    OptionalLong pollNanos() {
        return pollNanos == NOT_POLLED ? OptionalLong.empty() : OptionalLong.of(pollNanos);
    }

    public boolean isNothing() {
        return reading == null && fault == null;
    }

    /**
     * A fault is delivered as the body, as after a doCatch, never thrown: a source kamelet's own route
     * is outside the using route's onException and route configurations (only its errorHandler is
     * inherited), so a thrown fault would merely be logged. ledger:append turns it into a dead letter
     * and a down reading (never 0 Wh).
     */
    public void writeTo(Exchange exchange) {
        if (isNothing()) {
            throw new IllegalStateException("the poll gave nothing to deliver");
        }
        MeterMetrics.of(exchange.getContext()).recordWhenDone(exchange, this);
        if (fault == null) {
            exchange.getMessage().setBody(reading);
        } else {
            exchange.getMessage().setBody(fault.fault());
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, fault);
        }
    }
}
