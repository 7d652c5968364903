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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo killed with SIGKILL runs no shutdown hook, yet the anvil and js-ipfs it started end with it, gently (SIGTERM,
 * from the kernel: {@code PeerProcess.launch}); without that, the next demo on its folder would stop them. A chain that
 * died without saving its state has what it lost anchored again.
 */
@Tag("chaos")
class OrphanPeersChaosIT {

    @TempDir
    Path root;
    private GatewayProcess demo;

    @Test
    void thePeersOfADemoKilledWithSigkillEndWithItGentlySoTheChainGoesOn() throws Exception {
        Path data = root.resolve("data");
        List<ProcessHandle> peers = peersOfRunningDemo(data);
        try {
            assertThat(peers).as("anvil and js-ipfs").hasSize(2);
            demo.kill();
            CompletableFuture.allOf(peers.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);

            GatewayProcess next = assertDemoEndsWithHeadsOnChain(data);
            assertThat(next.output()).as("anvil was stopped with SIGTERM and wrote its state: nothing was lost")
                    .doesNotContain("the chain lost transactions");
            assertDemoEndsWithHeadsOnChain(data);
            System.out.println(String.format("CHAOS %-28s ended with it=%d", "demo SIGKILL peers", peers.size()));
        } finally {
            peers.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aDemoWhoseAnvilDiedWithItWithoutSavingItsChainReanchorsWhatTheChainLostAndEndsWithItsHeadsOnChain() throws IOException {
        Path data = root.resolve("data");
        List<ProcessHandle> peers = peersOfRunningDemo(data);
        // Power lost: the peers die with the demo, anvil without writing its chain state.
        peers.forEach(ProcessHandle::destroyForcibly);
        peers.forEach(peer -> peer.onExit().join());
        demo.kill();

        GatewayProcess next = assertDemoEndsWithHeadsOnChain(data);
        assertThat(next.output()).contains("the chain lost transactions the ledger recorded as mined");
        assertDemoEndsWithHeadsOnChain(data);
        System.out.println(String.format("CHAOS %-28s chain lost, re-anchored", "demo SIGKILL with anvil"));
    }

    /** Runs a demo on {@code data} until it has anchored readings and returns the peers it started. */
    private List<ProcessHandle> peersOfRunningDemo(Path data) throws IOException {
        Path peersFile = data.resolve("peers.pids");
        demo = GatewayProcess.launch(root.resolve("demo.log"), "demo", "--meters", "2", "--duration", "120s", "--data", data.toString());
        demo.awaitReady(() -> Files.exists(peersFile) && anchored(data) >= 3, Duration.ofSeconds(120));
        return Files.readAllLines(peersFile).stream()
                .map(line -> ProcessHandle.of(Long.parseLong(line.substring(0, line.indexOf('\t')))).orElseThrow()).toList();
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
