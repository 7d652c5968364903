package org.energyweb.meter.camel;

import org.apache.camel.Exchange;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one poll of a meter gave, and how every meter source puts it on its exchange: a reading as
 * the body, or a fault as the body with its exception as the caught one, or nothing at all (nothing
 * new, or the meter's circuit is open and its outage already on record).
 */
public final class MeterOutcome {

    private static final MeterOutcome NOTHING = new MeterOutcome(null, null);

    private final Measurement reading;
    private final MeterFaultException fault;

    private MeterOutcome(Measurement reading, MeterFaultException fault) {
        this.reading = reading;
        this.fault = fault;
    }

    public static MeterOutcome reading(Measurement reading) {
        return new MeterOutcome(reading, null);
    }

    public static MeterOutcome fault(MeterFaultException fault) {
        return new MeterOutcome(null, fault);
    }

    /** Runs {@code poll} through the meter's circuit. */
    public static MeterOutcome poll(MeterCircuit circuit, Supplier<Optional<Measurement>> poll) {
        try {
            return circuit.poll(poll).flatMap(polled -> polled).map(MeterOutcome::reading).orElse(NOTHING);
        } catch (MeterFaultException fault) {
            return fault(fault);
        }
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
        if (fault == null) {
            exchange.getMessage().setBody(reading);
        } else {
            exchange.getMessage().setBody(fault.fault());
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, fault);
        }
    }
}
