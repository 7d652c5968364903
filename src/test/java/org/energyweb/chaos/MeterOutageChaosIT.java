package org.energyweb.chaos;

import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.meter.modbus.ModbusTestServer;
import org.energyweb.meter.modbus.SunSpecImages;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Modbus TCP meter read by the gateway beside simulated ones is switched off for a while and comes back. */
@Tag("chaos")
class MeterOutageChaosIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final String METER = "modbus-1";
    private static final int THRESHOLD = 3;

    @TempDir
    Path root;

    @Test
    void theOtherMetersGoOnWhileAMeterIsAwayAndItsReadingsResumeWithItsCounterWhenItReturns() {
        try (ChaosRig rig = ChaosRig.start(root, 3, Duration.ofMillis(100));
             ModbusTestServer meter = ModbusTestServer.start(1).set(SunSpecImages.model203(1_000, 0, 0, 0, 0))) {
            rig.addModbusMeter(METER, meter.port(), Map.of("period", "200", "readTimeout", "400",
                    "breakerFailureThreshold", Integer.toString(THRESHOLD), "breakerOpenDuration", "2000"));
            GatewayProcess gateway = rig.startGateway();
            gateway.awaitReady(() -> readingsOf(rig, METER) >= 10, Duration.ofSeconds(60));

            meter.stop();
            Map<String, Long> atOutage = rig.readingsByMeter();
            GatewayProcess.sleep(OUTAGE);
            Map<String, Long> afterOutage = rig.readingsByMeter();
            for (String simulated : List.of("sim-1", "sim-2", "sim-3")) {
                assertThat(afterOutage.get(simulated)).as("%s is read and ledgered while %s is away", simulated, METER)
                        .isGreaterThan(atOutage.get(simulated) + 50);
            }
            assertThat(afterOutage.get(METER) - atOutage.get(METER)).as("readings of %s while away: a down reading per fault", METER)
                    .isLessThanOrEqualTo(THRESHOLD);

            meter.set(SunSpecImages.METER + 46, 0, 1_500);
            meter.restart();
            long atReturn = readingsOf(rig, METER);
            gateway.awaitReady(() -> readingsOf(rig, METER) >= atReturn + 10, Duration.ofSeconds(60));
            gateway.stop();
            rig.drain(Duration.ofMinutes(2));

            ChaosAudit.Counts counts = ChaosAudit.check(rig, Map.of(), Map.of());
            assertOutageOnRecord(rig);
            assertThat(gateway.output()).as("the circuit's opening and closing are logged once each")
                    .containsOnlyOnce("meter " + METER + " (modbus:127.0.0.1:" + meter.port() + "/1) unreachable after " + THRESHOLD)
                    .containsOnlyOnce("meter " + METER + " (modbus:127.0.0.1:" + meter.port() + "/1) reachable again");
            System.out.println(counts.summary("meter-outage " + OUTAGE.toSeconds() + " s") + " " + METER + "Faults=" + THRESHOLD);
        }
    }

    /**
     * The meter's chain: good readings of 1000 Wh, one down reading (carrying 1000 Wh) per fault
     * before its circuit opened, then good readings of 1500 Wh; the faults are dead letters, the
     * last saying the circuit opened.
     */
    private static void assertOutageOnRecord(ChaosRig rig) {
        try (Ledger ledger = Ledger.open(rig.data)) {
            List<Reading> chain = new ArrayList<>();
            ledger.forEachByMeter(entry -> {
                if (entry.meter().equals(METER)) {
                    chain.add(entry.document().reading());
                }
            });
            chain.sort(Comparator.comparingLong(Reading::seq));
            List<String> runs = new ArrayList<>();
            for (Reading reading : chain) {
                String kind = (reading.down() ? "down@" : "") + reading.energyWh();
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(kind)) {
                    runs.add(kind);
                }
            }
            assertThat(runs).as("%s's readings, in order, repeats collapsed", METER).containsExactly("1000", "down@1000", "1500");
            assertThat(chain.stream().filter(Reading::down)).hasSize(THRESHOLD);

            List<DeadLetter> letters = ledger.deadLetters().list(Integer.MAX_VALUE).stream().filter(l -> METER.equals(l.meter())).toList();
            assertThat(letters).as("dead letters of %s: one per fault before its circuit opened", METER).hasSize(THRESHOLD);
            assertThat(letters).anySatisfy(letter -> assertThat(letter.reason()).contains("; circuit open, next try in"));
            assertThat(ledger.deadLetters().count()).as("no other dead letter").isEqualTo(THRESHOLD);
        }
    }

    private static long readingsOf(ChaosRig rig, String meter) {
        return rig.readingsByMeter().getOrDefault(meter, 0L);
    }
}
