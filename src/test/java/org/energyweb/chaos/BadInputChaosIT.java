package org.energyweb.chaos;

import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerStatus;
import org.energyweb.ledger.LedgerVerifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad readings posted into a running gateway, and a gateway started with a bad config. */
@Tag("chaos")
class BadInputChaosIT {

    @TempDir
    Path root;

    @Test
    void aBurstOfBadReadingsEndsInTheDeadLetterStoreWithItsReasonsWhileTheMetersGoOn() {
        try (ChaosRig rig = ChaosRig.start(root, 2, Duration.ofMillis(100))) {
            GatewayProcess gateway = rig.startGateway();
            Map<String, String> bad = burst(10);
            int file = 0;
            for (String payload : bad.keySet()) {
                rig.dropIntoInbox("bad-" + file++ + ".json", payload);
            }
            gateway.awaitReady(() -> deadLetters(rig) >= bad.size(), Duration.ofSeconds(60));
            long atBurstEnd = rig.readings();
            gateway.awaitReady(() -> rig.readings() > atBurstEnd + 20, Duration.ofSeconds(30));
            gateway.stop();
            rig.drain(Duration.ofMinutes(2));

            ChaosAudit.Counts counts = ChaosAudit.check(rig, Map.of(), bad);
            assertThat(counts.deadLetters()).as("one dead letter per bad input, nothing else").isEqualTo(bad.size());
            System.out.println(counts.summary("burst of " + bad.size() + " bad readings"));
        }
    }

    @Test
    void aGatewayWithABadConfigExitsWith2AndAClearMessageAndLeavesTheLedgerUntouched() {
        try (ChaosRig rig = ChaosRig.start(root, 2, Duration.ofMillis(100))) {
            rig.startGateway().stop();
            Map<String, String> before = ChaosAudit.acknowledged(rig);

            GatewayProcess gateway = rig.launchGatewayWithout("energyweb.chain.rpc");
            assertThat(gateway.awaitExit(Duration.ofSeconds(60))).as(gateway.output()).isEqualTo(2);
            assertThat(gateway.output()).contains("energyweb.chain.rpc");

            assertThat(LedgerVerifier.verify(rig.data).problems()).isEmpty();
            assertThat(ChaosAudit.acknowledged(rig)).as("the ledger is untouched").isEqualTo(before);
            try (Ledger ledger = Ledger.open(rig.data)) {
                assertThat(ledger.deadLetters().count()).as("no dead letter either").isZero();
            }
            System.out.println(String.format("CHAOS %-28s readings=%d untouched, exit=2", "bad config", before.size()));
        }
    }

    /** Payload to the reason it must be kept with: {@code rounds} of each kind of bad reading, each payload distinct. */
    private static Map<String, String> burst(int rounds) {
        Map<String, String> bad = new LinkedHashMap<>();
        String now = Instant.now().toString();
        for (int i = 0; i < rounds; i++) {
            bad.put("not json " + i, "not valid JSON");
            bad.put("[" + i + "]", "must be a JSON object");
            bad.put("{\"meter\":\"sim-1\",\"time\":\"" + now + "\",\"energyWh\":" + i + ",\"source\":\"inbox\"}", "went backwards");
            bad.put("{\"meter\":\"sim-2\",\"time\":\"2026-01-01T00:00:0" + i + "\",\"energyWh\":1,\"source\":\"inbox\"}", "with an offset");
            bad.put("{\"meter\":\"sim-2\",\"time\":\"" + now + "\",\"energyWh\":\"lots " + i + "\",\"source\":\"inbox\"}", "must be an integer");
            bad.put("{\"meter\":\"sim-2\",\"time\":\"" + now + "\",\"energyWh\":1,\"source\":\"inbox\",\"colour\":" + i + "}", "unknown member");
        }
        return bad;
    }

    /** Dead letters in the running gateway's ledger (0 until it has opened it). */
    private static long deadLetters(ChaosRig rig) {
        return Files.exists(rig.data.resolve("ledger.db-shm")) ? LedgerStatus.read(rig.data).deadLetters() : 0;
    }
}
