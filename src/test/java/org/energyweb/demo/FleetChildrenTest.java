package org.energyweb.demo;

import org.energyweb.peers.JsIpfsNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code energyweb demo --fleet} killed with SIGKILL (no shutdown hook runs) leaves none of its
 * children running: each ends when its parent dies.
 */
@Tag("slow")
class FleetChildrenTest {

    @TempDir
    Path folder;

    @Test
    void everyChildOfTheDemoEndsWhenTheDemoIsKilled() throws Exception {
        Path log = folder.resolve("parent.log");
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), FleetChildrenParent.class.getName(), folder.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<ProcessHandle> descendants = List.of();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> !parent.isAlive() || Files.readString(log).contains(FleetChildrenParent.STARTED));
            assertThat(parent.isAlive()).as(Files.readString(log)).isTrue();
            List<String> children = parent.toHandle().children().map(child -> child.info().commandLine().orElse("")).toList();
            assertThat(children).as("broker, PostgreSQL, anvil, js-ipfs, worker").hasSize(JsIpfsNode.isInstalled() ? 5 : 4);
            descendants = parent.toHandle().descendants().toList();

            parent.destroyForcibly();

            List<ProcessHandle> started = descendants;
            await().atMost(Duration.ofMinutes(1)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            parent.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
