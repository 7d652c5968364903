package org.energyweb.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo killed with SIGKILL cannot stop the anvil and js-ipfs it started: the next demo on its folder does. */
@Tag("chaos")
class OrphanPeersChaosIT {

    @TempDir
    Path root;

    @Test
    void theNextDemoOnTheFolderReapsThePeersOfADemoKilledWithSigkill() throws IOException {
        Path data = root.resolve("data");
        Path peersFile = data.resolve("peers.pids");
        GatewayProcess killed = GatewayProcess.launch(root.resolve("demo.log"), "demo", "--meters", "2", "--duration", "60s",
                "--data", data.toString());
        killed.awaitReady(() -> Files.exists(peersFile), Duration.ofSeconds(90));
        List<ProcessHandle> peers = Files.readAllLines(peersFile).stream()
                .map(line -> ProcessHandle.of(Long.parseLong(line.substring(0, line.indexOf('\t')))).orElseThrow()).toList();
        try {
            assertThat(peers).as("anvil and js-ipfs").hasSize(2);
            killed.kill();
            assertThat(peers).as("a SIGKILL leaves the peers running").allMatch(ProcessHandle::isAlive);

            GatewayProcess next = GatewayProcess.launch(root.resolve("demo.log"), "demo", "--meters", "2", "--duration", "2s",
                    "--data", data.toString());
            assertThat(next.awaitExit(Duration.ofSeconds(120))).as(next.output()).isZero();
            assertThat(next.output()).contains("stopped 2 peer process(es) left running by a demo that was killed");
            assertThat(peers).as("the old anvil and js-ipfs are gone").noneMatch(ProcessHandle::isAlive);
            System.out.println(String.format("CHAOS %-28s reaped=%d", "demo SIGKILL orphans", peers.size()));
        } finally {
            peers.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
