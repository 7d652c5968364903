package org.energyweb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ledger.Ledger;
import org.energyweb.reading.ReadingDocument;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"run", "demo", "verify", "export", "dlq", "dlq list", "dlq replay", "status"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").split(" ");
        CliTestSupport.Result result = CliTestSupport.run(args);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: energyweb " + command);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(CliTestSupport.run("verify", "--no-such-option").exitCode()).isEqualTo(2);
    }

    @Test
    void verifyOfAnIntactLedgerSucceedsAsJson() {
        appendReadings(dir, 3);
        CliTestSupport.Result result = CliTestSupport.run("verify", "--data", dir.toString(), "--json");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"ok\":true", "\"documents\":3");
    }

    @Test
    void verifyOfATamperedLedgerNamesMeterAndSeqAndExitsOne() throws Exception {
        appendReadings(dir, 3);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE reading SET document = replace(document, 'test', 'tost') WHERE seq = 1");
        }
        CliTestSupport.Result result = CliTestSupport.run("verify", "--data", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("meter m1 seq 1");
    }

    @Test
    void verifyWithoutALedgerIsAnIoError() {
        CliTestSupport.Result result = CliTestSupport.run("verify", "--data", dir.resolve("nothing").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no ledger in").doesNotContain("Exception");
    }

    @Test
    void aCorruptDatabaseFileIsOneClearMessage() throws IOException {
        Files.writeString(dir.resolve("ledger.db"), "this is not a database, just text ".repeat(200));
        CliTestSupport.Result result = CliTestSupport.run("demo", "--data", dir.toString(), "--duration", "1s");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ledger.db is not an SQLite database").contains("no new ledger is started over it").doesNotContain("\tat ");
    }

    @Test
    void anUnwritableDataFolderIsOneClearMessage() throws IOException {
        // A regular file where a folder should be: unwritable even for root, unlike permission bits.
        Path data = Files.writeString(dir.resolve("a-file"), "").resolve("data");
        CliTestSupport.Result result = CliTestSupport.run("demo", "--data", data.toString(), "--duration", "1s");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).containsAnyOf("cannot create the data folder", "is not writable");
    }

    @Test
    void anUnknownRouteFileIsOneClearMessage() {
        CliTestSupport.Result result = CliTestSupport.run("run", "--routes", dir.resolve("missing.camel.yaml").toString(),
                "--config", config().toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no route file or folder at");
    }

    @Test
    void aMalformedConfigIsOneClearMessage() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.properties"), "energyweb.data = \\uZZZZ\n");
        CliTestSupport.Result result = CliTestSupport.run("run", "--config", config.toString(), "--routes", routes().toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("malformed config");
    }

    @Test
    void aMalformedRouteIsOneClearMessage() throws IOException {
        Path route = Files.writeString(dir.resolve("broken.camel.yaml"), "- route:\n    from:\n      uri: [unclosed\n");
        CliTestSupport.Result result = CliTestSupport.run("run", "--routes", route.toString(), "--config", config().toString(),
                "--data", dir.resolve("data").toString(), "--max-duration", "3s");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isNotBlank().doesNotContain("\tat ");
    }

    @Test
    void runStartsTheDefaultGatewayAndLedgersReadings() {
        Path data = dir.resolve("data");
        CliTestSupport.Result result = CliTestSupport.run("run", "--routes", routes().toString(), "--config", config().toString(),
                "--kamelets", projectDir().resolve("kamelets").toString(), "--data", data.toString(), "--max-duration", "3s");
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Ledger ledger = Ledger.open(data)) {
            assertThat(ledger.heads()).containsKeys("sim-1", "sim-2", "sim-3");
        }
        assertThat(CliTestSupport.run("verify", "--data", data.toString()).exitCode()).isZero();
    }

    @Test
    void exportWritesEveryDocumentByteExactWithAnIndexOfHashesAndCids() throws IOException {
        appendReadings(dir, 3);
        Path out = dir.resolve("out");
        CliTestSupport.Result result = CliTestSupport.run("export", "--data", dir.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> index = Files.readAllLines(out.resolve("index.jsonl"));
        assertThat(index).hasSize(3);
        try (Ledger ledger = Ledger.open(dir)) {
            for (int seq = 0; seq < 3; seq++) {
                ReadingDocument document = ledger.find("m1", seq).orElseThrow().document();
                assertThat(Files.readAllBytes(out.resolve("m1").resolve(seq + ".json"))).isEqualTo(document.bytes());
                JsonNode line = new ObjectMapper().readTree(index.get(seq));
                assertThat(line.get("sha256").asText()).isEqualTo(document.sha256Hex());
                assertThat(line.get("prev").isNull()).isEqualTo(seq == 0);
                assertThat(line.get("cid").asText()).startsWith("bafkrei");
                assertThat(Cid.parse(line.get("cid").asText()).multihash().digest()).isEqualTo(document.sha256());
            }
        }
    }

    private static void appendReadings(Path data, int count) {
        try (Ledger ledger = Ledger.open(data)) {
            for (int i = 0; i < count; i++) {
                ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T12:00:00Z").plusSeconds(i), 100 + i, "test"));
            }
        }
    }

    static Path projectDir() {
        return Path.of(System.getProperty("energyweb.project.dir", ".")).toAbsolutePath();
    }

    private static Path config() {
        return projectDir().resolve("config/application.properties");
    }

    private static Path routes() {
        return projectDir().resolve("routes");
    }
}
