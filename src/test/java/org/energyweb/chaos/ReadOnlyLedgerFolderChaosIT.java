package org.energyweb.chaos;

import org.energyweb.ledger.Ledger;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * status and verify of the packaged CLI on a data folder its user cannot write (a backup on
 * read-only media, another user's folder). Root may write anywhere, so under root the CLI runs as
 * the unprivileged user nobody (setpriv), which is what makes the folder read-only for it.
 */
@Tag("chaos")
class ReadOnlyLedgerFolderChaosIT {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void statusAndVerifyReadALedgerInAFolderTheyCannotWrite() throws Exception {
        Path data = root.resolve("data");
        try (Ledger ledger = Ledger.open(data)) {
            for (int i = 0; i < 5; i++) {
                ledger.appendAndWait(Measurement.of("ro-1", T0.plusSeconds(i), 100 + i, "test"));
            }
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            }
        }
        try {
            Result status = cli("status", "--data", data.toString(), "--json");
            assertThat(status.exit()).as(status.output()).isZero();
            assertThat(status.output()).contains("\"readings\":5");

            Result verify = cli("verify", "--data", data.toString());
            assertThat(verify.exit()).as(verify.output()).isZero();
            assertThat(verify.output()).contains("5");
        } finally {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result cli(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", GatewayProcess.JAR.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
