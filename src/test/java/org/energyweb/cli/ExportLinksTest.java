package org.energyweb.cli;

import org.energyweb.ledger.Ledger;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export} writes only inside --out, never through a symbolic link someone left there. */
class ExportLinksTest {

    @TempDir
    Path root;

    private Path data;
    private Path out;
    private Path elsewhere;

    @BeforeEach
    void ledgerAndFolders() throws IOException {
        data = root.resolve("data");
        try (Ledger ledger = Ledger.open(data)) {
            ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T12:00:00Z"), 1000, "test"));
        }
        out = Files.createDirectories(root.resolve("out"));
        elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    }

    @Test
    void aMeterFolderThatIsALinkOutOfTheExportIsRefused() throws IOException {
        Files.createSymbolicLink(out.resolve("m1"), elsewhere);

        CliTestSupport.Result result = CliTestSupport.run("export", "--data", data.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("refusing to write through the symbolic link", "m1");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).as("nothing written outside --out").isEmpty();
        }
    }

    @Test
    void anIndexFileThatIsALinkToAnotherFileIsRefusedAndThatFileKept() throws IOException {
        Path victim = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(out.resolve("index.jsonl"), victim);

        CliTestSupport.Result result = CliTestSupport.run("export", "--data", data.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("refusing to write through the symbolic link", "index.jsonl");
        assertThat(Files.readString(victim)).isEqualTo("keep me");
    }
}
