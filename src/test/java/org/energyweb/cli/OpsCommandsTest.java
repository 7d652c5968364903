package org.energyweb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** energyweb dlq list|replay and energyweb status, as an operator runs them. */
class OpsCommandsTest {

    private static final String MEASUREMENT = "{\"meter\":\"m1\",\"time\":\"2026-11-24T12:00:00Z\",\"energyWh\":1234,\"source\":\"api\"}";

    @TempDir
    Path dir;

    @Test
    void dlqListPrintsEachLetterAsJsonWithItsPayloadInBase64() throws Exception {
        long id = record("m1", MEASUREMENT);

        CliTestSupport.Result result = CliTestSupport.run("dlq", "list", "--data", dir.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode letter = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(letter.get("id").asLong()).isEqualTo(id);
        assertThat(letter.get("meter").asText()).isEqualTo("m1");
        assertThat(letter.get("source").asText()).isEqualTo("api");
        assertThat(letter.get("reason").asText()).isEqualTo("ipfs was away");
        assertThat(letter.get("payloadSize").asInt()).isEqualTo(MEASUREMENT.length());
        assertThat(new String(Base64.getDecoder().decode(letter.get("payload").asText()), StandardCharsets.UTF_8)).isEqualTo(MEASUREMENT);
        assertThat(letter.get("replayed").isNull()).isTrue();
        assertThat(Instant.parse(letter.get("time").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void dlqListAsTextShowsIdMeterSourceSizeAndReason() {
        record("m1", MEASUREMENT);

        CliTestSupport.Result result = CliTestSupport.run("dlq", "list", "--data", dir.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("m1", "api", String.valueOf(MEASUREMENT.length()), "ipfs was away", "1 dead letter(s) shown");
    }

    @Test
    void dlqListShowsAtMostTheLimitNewestFirst() throws Exception {
        record("m1", MEASUREMENT);
        record("m2", MEASUREMENT);

        CliTestSupport.Result result = CliTestSupport.run("dlq", "list", "--data", dir.toString(), "--json", "--limit", "1");

        JsonNode letters = new ObjectMapper().readTree(result.out());
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("meter").asText()).isEqualTo("m2");
    }

    @Test
    void dlqReplayOfAMeasurementAppendsItAndExitsZero() {
        long id = record("m1", MEASUREMENT);

        CliTestSupport.Result result = CliTestSupport.run("dlq", "replay", "--data", dir.toString(), "--id", String.valueOf(id));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("replayed " + id + " as m1#0");
        assertThat(CliTestSupport.run("dlq", "replay", "--data", dir.toString(), "--id", String.valueOf(id)).out())
                .contains("already replayed " + id + " as m1#0");
        try (Ledger ledger = Ledger.open(dir)) {
            assertThat(ledger.size()).isEqualTo(1);
        }
    }

    @Test
    void dlqReplayAllExitsOneWhenSomeLetterCannotBecomeAReadingAndNamesTheReason() {
        record("m1", MEASUREMENT);
        long bad = record("m2", "registers 0xFFFF 0xFFFF");

        CliTestSupport.Result result = CliTestSupport.run("dlq", "replay", "--data", dir.toString(), "--all");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("not replayed " + bad + ": cannot become a reading: measurement is not valid JSON",
                "1 replayed, 0 already replayed, 1 not replayable");
    }

    @Test
    void dlqReplayOfAnUnknownIdIsAUsageError() {
        record("m1", MEASUREMENT);

        CliTestSupport.Result result = CliTestSupport.run("dlq", "replay", "--data", dir.toString(), "--id", "99");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no dead letter with id 99");
    }

    @Test
    void dlqReplayNeedsEitherAnIdOrAll() {
        assertThat(CliTestSupport.run("dlq", "replay", "--data", dir.toString()).exitCode()).isEqualTo(2);
        assertThat(CliTestSupport.run("dlq", "replay", "--data", dir.toString(), "--id", "1", "--all").exitCode()).isEqualTo(2);
    }

    @Test
    void dlqWithoutALedgerIsAnIoErrorAndCreatesNone() {
        Path none = dir.resolve("none");
        assertThat(CliTestSupport.run("dlq", "list", "--data", none.toString()).err()).contains("no ledger in");
        assertThat(CliTestSupport.run("dlq", "replay", "--data", none.toString(), "--all").exitCode()).isEqualTo(2);
        assertThat(none).doesNotExist();
    }

    @Test
    void statusAsJsonCountsStatesPerHopInTotalAndPerMeter() throws Exception {
        try (Ledger ledger = Ledger.open(dir)) {
            LedgerEntry first = ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T12:00:00Z"), 100, "test"));
            ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T12:00:01Z"), 101, "test"));
            ledger.appendAndWait(Measurement.of("m2", Instant.parse("2026-11-24T12:00:00Z"), 5, "test"));
            ledger.hops().recordAndWait(first.position(), "chain", "confirmed", "{\"block\":42}");
            ledger.deadLetters().record("m3", "modbus", "sentinel", null);
        }

        CliTestSupport.Result result = CliTestSupport.run("status", "--data", dir.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode status = new ObjectMapper().readTree(result.out());
        assertThat(status.at("/total/readings").asLong()).isEqualTo(3);
        assertThat(status.at("/total/hops/chain/states/confirmed").asLong()).isEqualTo(1);
        assertThat(status.at("/total/hops/chain/states/pending").asLong()).isEqualTo(2);
        assertThat(status.at("/total/hops/chain/oldestPending/meter").asText()).isEqualTo("m1");
        assertThat(status.at("/total/hops/chain/oldestPending/seq").asLong()).isEqualTo(1);
        assertThat(status.at("/total/hops/chain/oldestPending/ageSeconds").isNumber()).isTrue();
        assertThat(status.at("/meters/m1/readings").asLong()).isEqualTo(2);
        assertThat(status.at("/meters/m2/hops/chain/pending").asLong()).isEqualTo(1);
        assertThat(status.at("/deadLetters/total").asLong()).isEqualTo(1);
        assertThat(status.at("/deadLetters/unreplayed").asLong()).isEqualTo(1);
        assertThat(status.at("/lastAnchoredBlock").asLong()).isEqualTo(42);
    }

    @Test
    void statusAsTextSaysTheSameForAPerson() {
        try (Ledger ledger = Ledger.open(dir)) {
            LedgerEntry first = ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T12:00:00Z"), 100, "test"));
            ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T12:00:01Z"), 101, "test"));
            ledger.hops().recordAndWait(first.position(), "ipfs", "stored", "bafkrei...");
        }

        CliTestSupport.Result result = CliTestSupport.run("status", "--data", dir.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("2 readings of 1 meter ", "hop ipfs", "pending 1", "stored 1", "oldest pending m1#1",
                "dead letters: 0 (0 not replayed)", "last anchored block: none", "meter m1: 2 readings");
    }

    @Test
    void statusWithoutALedgerIsAnIoError() {
        CliTestSupport.Result result = CliTestSupport.run("status", "--data", dir.resolve("none").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no ledger in").doesNotContain("\tat ");
    }

    @Test
    void statusOfALedgerAGatewayIsStillCreatingWaitsUntilItCanBeRead() throws Exception {
        // The file exists in WAL mode (as SQLite leaves it when a gateway's connection opens), the gateway
        // only gets to its schema a little later. (An empty ledger.db is refused, so the test does not start from one.)
        startedBySqlite(dir.resolve("ledger.db"));
        Thread gateway = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            try (Ledger ledger = Ledger.open(dir)) {
                ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T12:00:00Z"), 5, "test"));
            }
        });
        gateway.start();

        CliTestSupport.Result whileCreated = CliTestSupport.run("status", "--data", dir.toString());
        gateway.join();

        // It read the ledger once its schema was there: with or without the gateway's first reading, as the race fell.
        assertThat(whileCreated.exitCode()).as(whileCreated.err()).isZero();
        assertThat(whileCreated.err()).doesNotContain("\tat ");
        assertThat(CliTestSupport.run("status", "--data", dir.toString()).out()).contains("meter m1: 1 readings");
    }

    @Test
    void statusOfALedgerThatStaysUnfinishedSaysItIsBeingCreatedAndExits2() throws Exception {
        Files.createFile(dir.resolve("ledger.db"));

        CliTestSupport.Result result = CliTestSupport.run("status", "--data", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("a gateway is still creating it; try again in a moment").doesNotContain("\tat ");
    }

    private static void startedBySqlite(java.nio.file.Path file) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
        }
    }

    private long record(String meter, String payload) {
        try (Ledger ledger = Ledger.open(dir)) {
            return ledger.deadLetters().record(meter, "api", "ipfs was away", payload.getBytes(StandardCharsets.UTF_8)).id();
        }
    }
}
