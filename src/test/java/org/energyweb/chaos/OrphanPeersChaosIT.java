package org.energyweb.chaos;

import org.energyweb.ledger.LedgerStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo killed with SIGKILL cannot stop the anvil and js-ipfs it started: the next demo on its folder does. */
@Tag("chaos")
class OrphanPeersChaosIT {

    @TempDir
    Path root;

    @Test
    void theNextDemoOnTheFolderStopsThePeersOfADemoKilledWithSigkillGentlySoTheChainGoesOn() throws IOException {
        Path data = root.resolve("data");
        List<ProcessHandle> peers = killDemoWhileAnchoring(data);
        try {
            assertThat(peers).as("anvil and js-ipfs").hasSize(2);
            assertThat(peers).as("a SIGKILL leaves the peers running").allMatch(ProcessHandle::isAlive);

            GatewayProcess next = assertDemoEndsWithHeadsOnChain(data);
            assertThat(next.output()).contains("stopped 2 peer process(es) left running by a demo that was killed");
            assertThat(next.output()).as("anvil was stopped with SIGTERM and wrote its state: nothing was lost")
                    .doesNotContain("the chain lost transactions");
            assertThat(peers).as("the old anvil and js-ipfs are gone").noneMatch(ProcessHandle::isAlive);
            assertDemoEndsWithHeadsOnChain(data);
            System.out.println(String.format("CHAOS %-28s reaped=%d", "demo SIGKILL orphans", peers.size()));
        } finally {
            peers.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aDemoWhoseAnvilDiedWithItWithoutSavingItsChainReanchorsWhatTheChainLostAndEndsWithItsHeadsOnChain() throws IOException {
        Path data = root.resolve("data");
        List<ProcessHandle> peers = killDemoWhileAnchoring(data);
        // Power lost: the peers die with the demo, anvil without writing its chain state.
        peers.forEach(ProcessHandle::destroyForcibly);
        peers.forEach(peer -> peer.onExit().join());

        GatewayProcess next = assertDemoEndsWithHeadsOnChain(data);
        assertThat(next.output()).contains("the chain lost transactions the ledger recorded as mined");
        assertDemoEndsWithHeadsOnChain(data);
        System.out.println(String.format("CHAOS %-28s chain lost, re-anchored", "demo SIGKILL with anvil"));
    }

    /** Runs a demo on {@code data} until it has anchored readings, kills it with SIGKILL and returns the peers it had started. */
    private List<ProcessHandle> killDemoWhileAnchoring(Path data) throws IOException {
        Path peersFile = data.resolve("peers.pids");
        GatewayProcess killed = GatewayProcess.launch(root.resolve("demo.log"), "demo", "--meters", "2", "--duration", "120s",
                "--data", data.toString());
        killed.awaitReady(() -> Files.exists(peersFile) && anchored(data) >= 3, Duration.ofSeconds(120));
        List<ProcessHandle> peers = Files.readAllLines(peersFile).stream()
                .map(line -> ProcessHandle.of(Long.parseLong(line.substring(0, line.indexOf('\t')))).orElseThrow()).toList();
        killed.kill();
        return peers;
    }

    /** Readings the running demo's ledger records as confirmed on chain (0 until it has opened the ledger). */
    private static long anchored(Path data) {
        return Files.exists(data.resolve("ledger.db-shm"))
                ? LedgerStatus.read(data).total().hops().getOrDefault("chain", Map.of()).getOrDefault("confirmed", 0L) : 0;
    }

    /** Runs a short demo on {@code data} and asserts it ends well, every meter's head being its last read on chain. */
    private GatewayProcess assertDemoEndsWithHeadsOnChain(Path data) {
        GatewayProcess demo = GatewayProcess.launch(root.resolve("demo.log"), "demo", "--meters", "2", "--duration", "2s",
                "--data", data.toString());
        assertThat(demo.awaitExit(Duration.ofSeconds(180))).as(demo.output()).isZero();
        assertThat(demo.output()).contains("last file hash = head").doesNotContain("DIFFERS");
        return demo;
    }
}
