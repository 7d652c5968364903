package org.energyweb.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway process killed with SIGKILL at random moments while many meters are read fast. */
@Tag("chaos")
class SigkillChaosIT {

    private static final int KILLS = 12;

    @TempDir
    Path root;

    @Test
    void killingTheGatewayAtRandomMomentsLosesNothingAndAnchorsEveryReadingExactlyOnce() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, String> acknowledged = new HashMap<>();
        try (ChaosRig rig = ChaosRig.start(root, 8, Duration.ofMillis(50))) {
            for (int kill = 1; kill <= KILLS; kill++) {
                GatewayProcess gateway = rig.startGateway();
                // A random moment counted in readings, not in time: a loaded machine ledgers slower, never less.
                long killAt = rig.readings() + 200 + random.nextInt(200);
                gateway.awaitReady(() -> rig.readings() >= killAt, Duration.ofMinutes(2));
                gateway.kill();
                Map<String, String> afterKill = ChaosAudit.acknowledged(rig);
                assertThat(afterKill).as("after kill %d (seed %d) every reading acknowledged before is still there, unchanged", kill, seed)
                        .containsAllEntriesOf(acknowledged);
                acknowledged.putAll(afterKill);
            }
            assertThat(acknowledged).as("a run of thousands of readings").hasSizeGreaterThan(2000);
            rig.drain(Duration.ofMinutes(3));

            ChaosAudit.Counts counts = ChaosAudit.check(rig, acknowledged, Map.of());
            System.out.println(counts.summary("sigkill x" + KILLS) + " seed=" + seed);
        }
    }
}
