package org.energyweb.tlog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.proof.MerkleConsistency;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.LogKeys;
import org.energyweb.tlog.LogProver;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** energyweb log key|checkpoint|consistency and prove --log / verify-proof on a log proof. */
class LogCommandTest {

    private static final String ORIGIN = "gateway.example/log";

    @TempDir
    Path dir;

    @Test
    void logKeyNewCreatesAnEncryptedKeyWhoseVerifierKeyLogKeyPrints() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path password = Files.writeString(dir.resolve("password"), "log key password\n");

        Result created = CliTestSupport.run("log", "key", "new", "--data", data.toString(), "--origin", ORIGIN, "--password-file", password.toString(), "--light");
        Result shown = CliTestSupport.run("log", "key", "--data", data.toString());
        Result again = CliTestSupport.run("log", "key", "new", "--data", data.toString(), "--origin", ORIGIN, "--password-file", password.toString(), "--light");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out().strip()).startsWith(ORIGIN + "+").isEqualTo(shown.out().strip());
        assertThat(LogKeys.unlock(LogKeys.keystoreIn(data), "log key password".toCharArray()).verifier().text()).isEqualTo(shown.out().strip());
        assertThat(Files.readString(LogKeys.keystoreIn(data))).contains("scrypt").doesNotContain("log key password");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("never overwritten").doesNotContain("log key password");
    }

    @Test
    void aReadingsLogProofAtTheSignedCheckpointsSizeVerifiesAgainstItAndItsLogKeyAndNotAgainstAnotherKey() throws Exception {
        Path data = dir.resolve("data");
        NoteSigner key = logWith300Readings(data);
        new KeptCheckpoints(data).keep(LedgerLog.latestCheckpoint(data).orElseThrow());
        Path vkey = Files.writeString(dir.resolve("log.vkey"), key.verifier().text());
        LedgerEntry reading;
        try (Ledger ledger = Ledger.open(data)) {
            reading = ledger.at(ledger.after(0, 200).get(199).position()).orElseThrow();
        }

        Result bySeq = CliTestSupport.run("prove", "--log", "--data", data.toString(), "--meter", reading.meter(), "--seq",
                Long.toString(reading.document().reading().seq()), "--size", "300");
        Result bySha = CliTestSupport.run("prove", "--log", "--data", data.toString(), "--sha256", HexFormat.of().formatHex(reading.document().sha256()),
                "--size", "300");
        Path proof = Files.writeString(dir.resolve("proof.json"), bySeq.out());
        Result verified = CliTestSupport.run("verify-proof", proof.toString(), "--log-key", vkey.toString());
        NoteSigner other = new NoteSigner(ORIGIN, new byte[32]);
        Result forged = CliTestSupport.run("verify-proof", proof.toString(), "--log-key", other.verifier().text());
        JsonNode json = new ObjectMapper().readTree(bySeq.out());

        assertThat(bySeq.exitCode()).as(bySeq.err()).isZero();
        assertThat(bySha.out()).isEqualTo(bySeq.out());
        assertThat(json.path("index").asLong()).isEqualTo(199);
        assertThat(json.path("size").asLong()).isEqualTo(300);
        assertThat(json.path("checkpoint").asText()).isEqualTo(LedgerLog.latestCheckpoint(data).orElseThrow().encoded());
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("VALID").contains("signed by its log key");
        assertThat(forged.exitCode()).isEqualTo(1);
        assertThat(forged.out()).contains("INVALID: checkpoint:");
    }

    @Test
    void aProofAgainstAnOlderSizeCarriesTheCheckpointKeptForItAndVerifiesWithTheLogKey() throws Exception {
        Path data = dir.resolve("data");
        NoteSigner key = logWith300Readings(data);
        SignedNote older = keep(data, key, 150, new LogProver(data).consistency(150, Optional.empty()).oldRoot());
        LedgerEntry reading;
        try (Ledger ledger = Ledger.open(data)) {
            reading = ledger.at(ledger.after(0, 100).get(99).position()).orElseThrow();
        }

        Result proved = CliTestSupport.run("prove", "--log", "--data", data.toString(), "--meter", reading.meter(), "--seq",
                Long.toString(reading.document().reading().seq()), "--size", "150");
        Path proof = Files.writeString(dir.resolve("proof.json"), proved.out());
        Result verified = CliTestSupport.run("verify-proof", proof.toString(), "--log-key", key.verifier().text());
        JsonNode json = new ObjectMapper().readTree(proved.out());

        assertThat(proved.exitCode()).as(proved.err()).isZero();
        assertThat(json.path("size").asLong()).isEqualTo(150);
        assertThat(json.path("checkpoint").asText()).isEqualTo(older.encoded());
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("VALID").contains("signed by its log key");
    }

    @Test
    void aKeptCheckpointThatIsNotTheTreeOfTheLogsTilesIsNotHandedOutWithAProof() throws Exception {
        Path data = dir.resolve("data");
        NoteSigner key = logWith300Readings(data);
        keep(data, key, 150, new LogProver(data).consistency(149, Optional.empty()).oldRoot());
        LedgerEntry reading;
        try (Ledger ledger = Ledger.open(data)) {
            reading = ledger.at(ledger.after(0, 100).get(99).position()).orElseThrow();
        }

        Result proved = CliTestSupport.run("prove", "--log", "--data", data.toString(), "--meter", reading.meter(), "--seq",
                Long.toString(reading.document().reading().seq()), "--size", "150");

        assertThat(proved.exitCode()).isEqualTo(2);
        assertThat(proved.err()).contains("the checkpoint kept for size 150").contains("is not the tree the log's tiles hold");
    }

    /** Keeps, as the gateway does, a checkpoint of {@code size} with {@code root} signed by {@code key}. */
    private static SignedNote keep(Path data, NoteSigner key, long size, byte[] root) {
        SignedNote note = SignedNote.sign(new org.energyweb.tlog.Checkpoint(ORIGIN, size, root).text(), key);
        assertThat(new KeptCheckpoints(data).keep(note)).isTrue();
        return note;
    }

    @Test
    void logCheckpointPrintsTheSignedNoteAndLogConsistencyAProofThatVerifies() throws Exception {
        Path data = dir.resolve("data");
        logWith300Readings(data);
        SignedNote latest = LedgerLog.latestCheckpoint(data).orElseThrow();

        Result checkpoint = CliTestSupport.run("log", "checkpoint", "--data", data.toString());
        Result consistency = CliTestSupport.run("log", "consistency", "--data", data.toString(), "--old", "100");
        Result beyond = CliTestSupport.run("log", "consistency", "--data", data.toString(), "--old", "100", "--new", "301");
        JsonNode json = new ObjectMapper().readTree(consistency.out());
        List<byte[]> proof = new ArrayList<>();
        json.path("proof").forEach(hash -> proof.add(HexFormat.of().parseHex(hash.asText())));

        assertThat(checkpoint.out()).isEqualTo(latest.encoded());
        assertThat(json.path("new").path("size").asLong()).isEqualTo(300);
        assertThat(MerkleConsistency.verify(100, 300, HexFormat.of().parseHex(json.path("old").path("root").asText()),
                org.energyweb.tlog.Checkpoint.parse(latest.text()).root(), proof)).isTrue();
        assertThat(beyond.exitCode()).isEqualTo(2);
        assertThat(beyond.err()).contains("no tree of 301");
    }

    /** A data folder whose ledger holds 300 readings of 3 meters, all in the log, with a checkpoint of size 300 signed by the returned key. */
    private NoteSigner logWith300Readings(Path data) throws Exception {
        Files.createDirectories(data);
        LogKeys.create(LogKeys.keystoreIn(data), "log key password".toCharArray(), ORIGIN, Keystore.Strength.LIGHT);
        NoteSigner key = LogKeys.unlock(LogKeys.keystoreIn(data), "log key password".toCharArray());
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            List<CompletableFuture<LedgerEntry>> appends = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                for (String meter : List.of("m1", "m2", "m3")) {
                    appends.add(ledger.append(Measurement.of(meter, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), i * 10L, "test")));
                }
            }
            CompletableFuture.allOf(appends.toArray(new CompletableFuture[0])).get();
            log.awaitLedger();
            log.checkpoint(key);
        }
        return key;
    }
}
