package org.energyweb.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.anchor.CheckpointAnchorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transparency-log proofs as {@code energyweb prove --log --size N} prints them, from a real ledger and log, checked by
 * verify_proof.py: its own RFC 9162 leaf hash and inclusion path, c2sp.org/tlog-checkpoint body and c2sp.org/signed-note
 * Ed25519 signature (OpenSSL's, through python3-cryptography) under the verifier key {@code energyweb log key} prints;
 * on every proof, valid or tampered with, {@code energyweb verify-proof} must come to the same verdict.
 */
class LogProofPythonCrossCheckTest {

    private static final String ORIGIN = "gateway.example/python-cross-check";
    private static final NoteSigner LOG_KEY = new NoteSigner(ORIGIN, seed(1));
    private static final NoteSigner ANOTHER_KEY = new NoteSigner(ORIGIN, seed(2));
    /** Checkpoint sizes: a single leaf, small and large non-powers of two, a power of two, several hundred leaves. */
    private static final List<Integer> SIZES = List.of(1, 7, 256, 300, 601);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static final List<LedgerEntry> READINGS = new ArrayList<>();

    @TempDir
    Path work;

    @BeforeAll
    static void aGatewayLogsReadingsAndKeepsACheckpointAtEachSize() throws Exception {
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            KeptCheckpoints kept = new KeptCheckpoints(data);
            for (int size : SIZES) {
                List<CompletableFuture<LedgerEntry>> appends = new ArrayList<>();
                for (int seq = READINGS.size(); seq < size; seq++) {
                    appends.add(ledger.append(Measurement.of("meter-1", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * seq),
                            1_000L * seq, "test")));
                }
                for (CompletableFuture<LedgerEntry> append : appends) {
                    READINGS.add(append.get());
                }
                log.awaitLedger();
                kept.keep(log.checkpoint(LOG_KEY));
            }
        }
    }

    private static byte[] seed(int first) {
        byte[] seed = new byte[32];
        seed[0] = (byte) first;
        return seed;
    }

    /** {@code energyweb prove --log} of leaf {@code index} in the tree of {@code size} leaves (its kept checkpoint, not anchored). */
    private static ObjectNode prove(int index, int size) throws Exception {
        Result proved = CliTestSupport.run("prove", "--log", "--data", data.toString(), "--sha256",
                HexFormat.of().formatHex(READINGS.get(index).document().sha256()), "--size", Integer.toString(size));
        assertThat(proved.exitCode()).as(proved.err()).isZero();
        ObjectNode proof = (ObjectNode) JSON.readTree(proved.out());
        assertThat(proof.path("index").asInt()).isEqualTo(index);
        assertThat(proof.path("checkpoint").asText()).startsWith(ORIGIN + "\n" + size + "\n");
        return proof;
    }

    /** verify_proof.py's verdicts, each asserted to agree with {@code energyweb verify-proof --log-key} on whether the proof is valid. */
    private List<String> verify(List<ObjectNode> proofs) throws Exception {
        List<String> verdicts = PythonScript.run("verify_proof.py", List.of("--log-key", LOG_KEY.verifier().text()),
                proofs.stream().map(JsonNode::toString).toList(), "");
        assertThat(verdicts).hasSameSizeAs(proofs);
        for (int i = 0; i < proofs.size(); i++) {
            Path file = Files.writeString(work.resolve("proof-" + i + ".json"), proofs.get(i).toString());
            Result java = CliTestSupport.run("verify-proof", file.toString(), "--log-key", LOG_KEY.verifier().text());
            assertThat(java.exitCode()).as(verdicts.get(i) + " / " + java.out() + java.err()).isEqualTo(verdicts.get(i).equals("valid") ? 0 : 1);
        }
        return verdicts;
    }

    @Test
    void proofsOfTheFirstMiddleAndLastLeavesOfEveryTreeSizeVerify() throws Exception {
        List<ObjectNode> proofs = new ArrayList<>();
        for (int size : SIZES) {
            for (int index : new TreeSet<>(List.of(0, size / 2, size - 1))) {
                proofs.add(prove(index, size));
            }
        }

        assertThat(verify(proofs)).hasSize(13).containsOnly("valid");
    }

    @Test
    void aFlippedPathHashIsRefusedAtTheRoot() throws Exception {
        ObjectNode proof = prove(300, 601);
        ArrayNode path = (ArrayNode) proof.path("path");
        String hash = path.get(4).asText();
        path.set(4, (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1));

        assertThat(verify(List.of(proof))).containsExactly("invalid: inclusion path does not lead to root");
    }

    @Test
    void aWrongSizeWhoseTreeGivesTheSameRootAlongThePathIsRefusedByTheCheckpoint() throws Exception {
        // Leaf 0's path in 300 leaves (eight hashes in the first 256, then the rest's root) leads to the same root for 301.
        ObjectNode proof = prove(0, 300).put("size", 301);

        assertThat(verify(List.of(proof))).containsExactly("invalid: checkpoint: its tree size is 300, the proof's 301");
    }

    @Test
    void aCheckpointSignedByAnotherKeyOfTheSameNameOrWithAForgedSignatureIsRefused() throws Exception {
        ObjectNode otherKey = prove(150, 300);
        String text = SignedNote.parse(otherKey.path("checkpoint").asText()).text();
        otherKey.put("checkpoint", SignedNote.sign(text, ANOTHER_KEY).encoded());
        ObjectNode forged = prove(150, 300);
        byte[] signed = SignedNote.sign(text, LOG_KEY).signatures().get(0).bytes();
        signed[signed.length - 1] ^= 1;
        forged.put("checkpoint", SignedNote.parse(text + "\n" + new SignedNote.Signature(ORIGIN, signed).line()).encoded());

        assertThat(verify(List.of(otherKey, forged))).containsExactly("invalid: checkpoint: the note carries no signature of the log key",
                "invalid: checkpoint: the log key's signature on the note does not verify");
    }

    @Test
    void signaturesOfOtherKeysBesideTheLogKeysAreIgnored() throws Exception {
        ObjectNode proof = prove(299, 300);
        SignedNote note = SignedNote.parse(proof.path("checkpoint").asText());
        NoteSigner witness = new NoteSigner("witness.example/w1", seed(3));
        // signed-note "Signatures": lines of unknown keys, even of the log's name, are ignored wherever they stand.
        SignedNote signed = SignedNote.sign(note.text(), ANOTHER_KEY, witness).with(note.signatures());
        proof.put("checkpoint", signed.encoded());

        assertThat(signed.signatures()).hasSize(3);
        assertThat(verify(List.of(proof))).containsExactly("valid");
    }

    @Test
    void aChangedDocumentIsRefusedAtItsLeaf() throws Exception {
        ObjectNode proof = prove(600, 601);
        byte[] document = READINGS.get(600).document().bytes();
        String changed = new String(document, StandardCharsets.UTF_8).replace("\"energyWh\":600000", "\"energyWh\":600001");
        assertThat(changed).isNotEqualTo(new String(document, StandardCharsets.UTF_8));
        proof.put("document", Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));

        assertThat(verify(List.of(proof))).containsExactly("invalid: document hash does not match leaf");
    }

    @Test
    void anAnchorNamingTheCheckpointsCidAsTheAnchorerMakesItVerifiesAndAnotherCidDoesNot() throws Exception {
        ObjectNode anchored = prove(3, 7);
        anchored.putObject("anchor").put("chainId", 73799).put("contract", "0x" + "11".repeat(20)).put("tx", "0x" + "22".repeat(32))
                .put("block", 5).put("submitter", "0x" + "33".repeat(20)).put("origin", ORIGIN).put("size", 7)
                .put("cid", CheckpointAnchorer.cidOf(anchored.path("checkpoint").asText().getBytes(StandardCharsets.UTF_8)).toString());
        ObjectNode otherCid = anchored.deepCopy();
        String cidOf256 = CheckpointAnchorer.cidOf(new KeptCheckpoints(data).bytes(256).orElseThrow()).toString();
        ((ObjectNode) otherCid.path("anchor")).put("cid", cidOf256);

        assertThat(verify(List.of(anchored, otherCid))).containsExactly("valid",
                "invalid: anchor names CID " + cidOf256 + ", which is not the CID of the proof's checkpoint");
    }
}
