package org.energyweb.chaos;

import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meter without an {@code energyweb.asset.<meter>} mapping beside mapped ones, in the real gateway
 * running full-gateway.camel.yaml: its readings become dead letters while the others keep being
 * anchored; once mapped, {@code dlq replay} sends them.
 */
@Tag("chaos")
class UnmappedMeterChaosIT {

    @TempDir
    Path root;

    @Test
    void anUnmappedMetersReadingsAreDeadLetteredWhileTheOthersAreAnchoredAndReplayAnchorsThemOnceMapped() {
        try (ChaosRig rig = ChaosRig.start(root, 3, Duration.ofMillis(200))) {
            rig.unmap("sim-3");
            GatewayProcess gateway = rig.startGateway();
            gateway.awaitReady(() -> rig.onChain("sim-3", ChainHop.DEAD) >= 5, Duration.ofSeconds(90));
            long mappedAtFifthDead = rig.onChain("sim-1", ChainHop.CONFIRMED) + rig.onChain("sim-2", ChainHop.CONFIRMED);
            gateway.awaitReady(() -> rig.onChain("sim-1", ChainHop.CONFIRMED) + rig.onChain("sim-2", ChainHop.CONFIRMED)
                    > mappedAtFifthDead + 10, Duration.ofSeconds(90));
            assertThat(gateway.output()).as("the log names the meter and how to recover")
                    .contains("of meter sim-3 not anchored: meter sim-3 has no Origin asset", "energyweb dlq replay --id");
            gateway.stop();

            List<DeadLetter> letters;
            try (Ledger ledger = Ledger.open(rig.data)) {
                letters = ledger.deadLetters().list(Integer.MAX_VALUE);
            }
            assertThat(letters).isNotEmpty().allSatisfy(letter -> {
                assertThat(letter.meter()).isEqualTo("sim-3");
                assertThat(letter.hop()).isEqualTo(ChainHop.HOP);
                assertThat(letter.reason()).contains("energyweb.asset.sim-3");
            });

            rig.map("sim-3");
            assertThat(rig.replayDeadLetters()).as("every dead letter replayed").isZero();
            rig.drain(Duration.ofMinutes(3));

            ChaosAudit.Counts counts = ChaosAudit.check(rig, Map.of(), Map.of());
            assertThat(counts.deadLetters()).as("the letters stay, marked replayed").isEqualTo(letters.size());
            try (Ledger ledger = Ledger.open(rig.data)) {
                assertThat(ledger.deadLetters().list(Integer.MAX_VALUE)).allSatisfy(letter -> assertThat(letter.replayed()).isNotNull());
            }
            System.out.println(counts.summary("unmapped meter, then mapped"));
        }
    }
}
