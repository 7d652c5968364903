package org.energyweb.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The distribution archive {@code mvn package} builds runs on its own, from any folder. */
class DistributionIT {

    private static final Path TARGET = Path.of(System.getProperty("energyweb.project.dir", ".")).toAbsolutePath().resolve("target");

    @TempDir
    Path dir;

    @Test
    void theArchiveUnpackedIntoAnEmptyFolderRunsTheDemo() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(TARGET)) {
            archive = files.filter(f -> f.getFileName().toString().matches("energyweb-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/energyweb-<version>.tar.gz: the test runs after mvn package"));
        }
        Path unpacked = Files.createDirectories(dir.resolve("opt"));
        assertThat(run(unpacked, List.of("tar", "-xzf", archive.toString()), 120)).isZero();
        Path home;
        try (Stream<Path> top = Files.list(unpacked)) {
            home = top.findFirst().orElseThrow();
        }
        assertThat(home.resolve("bin/energyweb")).isExecutable();
        assertThat(home.resolve("systemd/energyweb.service")).content().contains("DynamicUser=yes").contains("StateDirectory=energyweb")
                .contains("LoadCredential=").contains("Restart=on-failure");
        assertThat(home.resolve("lib/energyweb.jar")).exists();
        assertThat(home.resolve("config/application.properties")).exists();
        assertThat(home.resolve("routes/gateway.camel.yaml")).exists();
        assertThat(home.resolve("kamelets")).isDirectory();

        // An empty working folder elsewhere: nothing of the project is reachable from it.
        Path work = Files.createDirectories(dir.resolve("work"));
        Path log = dir.resolve("demo.log");
        ProcessBuilder demo = new ProcessBuilder(home.resolve("bin/energyweb").toString(), "demo", "--duration", "20s")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // any free management port: gateways of other tests on the machine may hold the default one
        demo.environment().put("ENERGYWEB_JAVA_OPTS", "-Xmx256m -Dcamel.management.port=0");
        Process process = demo.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("management: http://127.0.0.1:").contains("Ledger verified");
        assertThat(work.resolve("data/ledger.db")).exists();
    }

    private static int run(Path folder, List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
