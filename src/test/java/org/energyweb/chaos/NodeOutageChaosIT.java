package org.energyweb.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** A node the gateway needs goes away for a while and comes back on the same port, with what it held. */
@Tag("chaos")
class NodeOutageChaosIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @TempDir
    Path root;

    @Test
    void readingsAreLedgeredWhileTheChainIsAwayAndAnchoredExactlyOnceWhenItReturns() {
        outage("chain node away", rig -> rig.anvil.stop(), rig -> rig.anvil.start(), ChaosRig::confirmed);
    }

    @Test
    void readingsAreLedgeredWhileIpfsIsAwayAndStoredUnderTheirCidWhenItReturns() {
        outage("IPFS node away", rig -> rig.ipfs.stop(), rig -> rig.ipfs.start(), ChaosRig::storedOnIpfs);
    }

    /** Takes a node down mid-run and back; the running gateway itself must catch up with what was ledgered meanwhile. */
    private void outage(String scenario, Consumer<ChaosRig> down, Consumer<ChaosRig> up, ToLongFunction<ChaosRig> done) {
        try (ChaosRig rig = ChaosRig.start(root, 4, Duration.ofMillis(100))) {
            GatewayProcess gateway = rig.startGateway();
            gateway.awaitReady(() -> rig.confirmed() >= 100, Duration.ofSeconds(60));

            down.accept(rig);
            long atOutage = rig.readings();
            GatewayProcess.sleep(OUTAGE);
            assertThat(rig.readings()).as("readings keep being ledgered while the node is away").isGreaterThan(atOutage + 100);

            up.accept(rig);
            long atReturn = rig.readings();
            gateway.awaitReady(() -> done.applyAsLong(rig) >= atReturn, Duration.ofSeconds(120));
            gateway.stop();
            rig.drain(Duration.ofMinutes(2));

            ChaosAudit.Counts counts = ChaosAudit.check(rig, Map.of(), Map.of());
            System.out.println(counts.summary(scenario + " " + OUTAGE.toSeconds() + " s"));
        }
    }
}
