package org.energyweb.observe;

import org.apache.camel.health.HealthCheck;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerStatus;
import org.energyweb.meter.MeterCircuit;
import org.energyweb.meter.MeterCircuits;
import org.energyweb.meter.http.SteppingClock;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;
import org.energyweb.remote.BreakerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own health checks, each with its reason, against a real ledger. */
class GatewayHealthChecksTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void aMeterIsUpAfterAGoodReadingAndDownSinceItsDownReadingAfterAFault() {
        try (Ledger ledger = Ledger.open(data)) {
            MeterHealthCheck check = new MeterHealthCheck(ledger, "m-1", new MeterCircuits());
            ledger.append(Measurement.of("m-1", T0, 1_000, "test")).join();
            HealthCheck.Result up = check.call();
            ledger.append(Measurement.down("m-1", T0.plusSeconds(60), "test")).join();
            HealthCheck.Result down = check.call();

            assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(up.getMessage()).hasValue("meter m-1 up, last reading " + T0);
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("meter m-1 down since " + T0.plusSeconds(60) + " (last good reading " + T0));
            assertThat(check.isReadiness()).as("a meter away leaves the gateway ready").isFalse();
        }
    }

    @Test
    void aMeterWhoseCircuitIsOpenIsDownSayingWhenItIsTriedAgain() {
        try (Ledger ledger = Ledger.open(data)) {
            MeterCircuits circuits = new MeterCircuits();
            MeterCircuit circuit = circuits.open("m-away", "test", BreakerSettings.of(1, 60_000));
            MeterFaultException unreachable = MeterFaultException.unreachable(
                    new MeterFault("m-away", T0, "test", "cannot connect", null), new ConnectException("refused"));
            try {
                circuit.poll(() -> {
                    throw unreachable;
                });
            } catch (MeterFaultException expected) {
                // the fault that opened the circuit
            }

            HealthCheck.Result result = new MeterHealthCheck(ledger, "m-away", circuits).call();

            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("meter m-away unreachable; circuit open, next try in "));
        }
    }

    @Test
    void aHopBeyondItsBacklogLimitIsNamedWithItsBacklogAndTheLimit() {
        try (Ledger ledger = Ledger.open(data)) {
            for (int i = 0; i < 5; i++) {
                ledger.append(Measurement.of("m-1", T0.plusSeconds(i), 1_000 + i, "test")).join();
            }
            ledger.hops().recordAndWait(1, "ipfs", "done", null);
            LedgerStatus status = LedgerStatus.read(data);

            HealthCheck.Result behind = new HopsHealthCheck(() -> status, 3, Duration.ofDays(1)).call();
            HealthCheck.Result within = new HopsHealthCheck(() -> status, 4, Duration.ofDays(1)).call();

            assertThat(behind.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(behind.getMessage()).hasValue("hop ipfs has 4 readings pending (limit 3)");
            assertThat(within.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(within.getMessage()).hasValueSatisfying(message -> assertThat(message).startsWith("hops within limits: ipfs 4 pending"));
        }
    }

    @Test
    void theGatewayIsReadyWhileReadingsAreLedgeredAndNotOnceNoneWasForLongerThanTheLimit() {
        SteppingClock clock = new SteppingClock(T0);
        try (Ledger ledger = Ledger.open(data);
             LedgeringHealthCheck check = new LedgeringHealthCheck(ledger, Duration.ofSeconds(60), clock)) {
            clock.advance(Duration.ofSeconds(50));
            ledger.append(Measurement.of("m-1", T0, 1_000, "test")).join();
            clock.advance(Duration.ofSeconds(50));
            HealthCheck.Result ready = check.call();
            clock.advance(Duration.ofSeconds(11));
            HealthCheck.Result silent = check.call();

            assertThat(ready.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(silent.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(silent.getMessage()).hasValue("no reading ledgered for 61 s (limit 60 s)");
            assertThat(check.isReadiness()).isTrue();
            assertThat(check.isLiveness()).as("a gateway whose meters are away is not stuck").isFalse();
        }
    }
}
