package org.energyweb.observe;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.energyweb.ledger.Ledger;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.MeterCircuits;
import org.energyweb.reading.ChainHead;

import java.util.Map;
import java.util.Optional;

/**
 * One meter: up (its newest reading is a good one), down (its newest reading records it down, after a
 * fault whose reason is in the dead letters) or circuit open (its source stopped trying for a while).
 * A meter away does not make the gateway unready or stuck (the others keep being ledgered), so this
 * check counts for the overall health only, not for readiness or liveness.
 */
final class MeterHealthCheck extends OverallHealthCheck {

    private final Ledger ledger;
    private final String meter;
    private final MeterCircuits circuits;

    /** @param circuits the meters' circuits of this check's gateway */
    MeterHealthCheck(Ledger ledger, String meter, MeterCircuits circuits) {
        super("meter-" + meter);
        this.ledger = ledger;
        this.meter = meter;
        this.circuits = circuits;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<MeterCircuit> circuit = circuits.of(meter).filter(c -> c.state() != CircuitBreaker.State.CLOSED);
        Optional<ChainHead> head = ledger.head(meter);
        if (circuit.isPresent()) {
            builder.message("meter " + meter + " unreachable; " + circuit.get().openNote()).down();
        } else if (head.isEmpty()) {
            builder.message("meter " + meter + " has no reading yet").up();
        } else if (!head.get().time().equals(head.get().goodTime())) {
            builder.message("meter " + meter + " down since " + head.get().time() + " (last good reading " + head.get().goodTime()
                    + "; the reason is in the dead letters)").down();
        } else {
            builder.message("meter " + meter + " up, last reading " + head.get().time()).up();
        }
    }
}
