package org.energyweb.tlog.proof;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.anchor.AnchoredCheckpoints;
import org.energyweb.tlog.anchor.AnchoredCheckpoints.Anchored;
import org.energyweb.tlog.anchor.CheckpointAnchorer;
import org.energyweb.tlog.anchor.CheckpointJournal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * prove --log against the checkpoints the gateway's CheckpointAnchorer anchored on a real anvil (notes on a real js-ipfs),
 * and verify-proof --rpc checking that anchor on the chain. The log has checkpoints of size 5 and 8, both anchored, and
 * of size 11, kept but not anchored.
 */
class AnchoredLogProofTest extends OnDevChain {

    private static final String ORIGIN = "gateway.example/proved";
    private static final NoteSigner KEY = new NoteSigner(ORIGIN, new byte[32]);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    static Path dir;

    private static Path data;
    private static final List<LedgerEntry> READINGS = new ArrayList<>();

    @TempDir
    Path work;

    @BeforeAll
    static void gatewayAnchorsTwoCheckpointsAndKeepsAThird() throws Exception {
        data = dir.resolve("data");
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            KeptCheckpoints kept = new KeptCheckpoints(data);
            kept.keep(grow(ledger, log, "meter-1", 5));
            try (TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, AnvilPeer.ACCOUNT_1, new CheckpointJournal(ledger),
                    TransactionPipeline.Options.DEFAULT.withPollInterval(Duration.ofMillis(50)));
                 CheckpointAnchorer anchorer = CheckpointAnchorer.start(ledger, chain.eth, pipeline, chain.contracts.anchor(),
                         new IpfsSync(new LocalBlockStore(data.resolve("pending")), IPFS.client()), new CheckpointAnchorer.Options(0), new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> anchoredSizes(data).contains(5L));
                kept.keep(grow(ledger, log, "meter-1", 3));
                anchorer.wakeUp();
                await().atMost(Duration.ofSeconds(60)).until(() -> anchoredSizes(data).contains(8L));
            }
            kept.keep(grow(ledger, log, "meter-1", 3));
        }
    }

    private static List<Long> anchoredSizes(Path data) {
        return AnchoredCheckpoints.read(data).stream().map(Anchored::size).toList();
    }

    /** Ledgers {@code readings} more readings of {@code meter} and signs a checkpoint of the log holding them, as tlog:checkpoint does. */
    private static SignedNote grow(Ledger ledger, LedgerLog log, String meter, int readings) throws Exception {
        List<CompletableFuture<LedgerEntry>> appends = new ArrayList<>();
        int before = READINGS.size();
        for (int i = 0; i < readings; i++) {
            appends.add(ledger.append(Measurement.of(meter, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * (before + i)),
                    meter.equals("meter-1") ? before + i : 1_000 + i, "test")));
        }
        for (CompletableFuture<LedgerEntry> append : appends) {
            LedgerEntry entry = append.get();
            if (meter.equals("meter-1")) {
                READINGS.add(entry);
            }
        }
        log.awaitLedger();
        return log.checkpoint(KEY);
    }

    private static Result prove(Path data, LedgerEntry reading, String... more) {
        List<String> args = new ArrayList<>(List.of("prove", "--log", "--data", data.toString(), "--sha256",
                HexFormat.of().formatHex(reading.document().sha256())));
        args.addAll(List.of(more));
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    private Result verifyOnChain(String proof, String... more) throws Exception {
        Path file = Files.writeString(work.resolve("proof-" + System.nanoTime() + ".json"), proof);
        List<String> args = new ArrayList<>(List.of("verify-proof", file.toString(), "--log-key", KEY.verifier().text(), "--rpc", anvil.url()));
        args.addAll(List.of(more));
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    private static Anchored anchoredAt(long size) {
        return AnchoredCheckpoints.read(data).stream().filter(anchored -> anchored.size() == size).findFirst().orElseThrow();
    }

    @Test
    void proveLogGivesTheLatestAnchoredCheckpointWithItsAnchorWhichVerifyProofConfirmsOnChain() throws Exception {
        Result proved = prove(data, READINGS.get(2));
        JsonNode proof = JSON.readTree(proved.out());
        Anchored anchored = anchoredAt(8);

        Result verified = verifyOnChain(proved.out());

        assertThat(proved.exitCode()).as(proved.err()).isZero();
        assertThat(proof.path("size").asLong()).isEqualTo(8);
        assertThat(proof.path("checkpoint").asText()).isEqualTo(new String(new KeptCheckpoints(data).bytes(8).orElseThrow(), StandardCharsets.UTF_8));
        JsonNode anchor = proof.path("anchor");
        assertThat(anchor.path("chainId").asLong()).isEqualTo(chain.eth.chainId());
        assertThat(anchor.path("contract").asText()).isEqualToIgnoringCase(chain.contracts.anchor());
        assertThat(anchor.path("submitter").asText()).isEqualToIgnoringCase(AnvilPeer.ACCOUNT_1.getAddress());
        assertThat(anchor.path("origin").asText()).isEqualTo(ORIGIN);
        assertThat(anchor.path("size").asLong()).isEqualTo(8);
        assertThat(anchor.path("tx").asText()).isEqualTo(anchored.transaction());
        assertThat(anchor.path("block").asLong()).isEqualTo(chain.eth.receipt(anchored.transaction()).orElseThrow().blockNumber());
        assertThat(anchor.path("cid").asText()).isEqualTo(anchored.cid());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("VALID").contains("signed by its log key").contains("its anchor checks out on the chain");
    }

    @Test
    void proveLogSizeGivesAnOlderAnchoredCheckpointWithItsOwnAnchor() throws Exception {
        Result proved = prove(data, READINGS.get(2), "--size", "5");
        JsonNode proof = JSON.readTree(proved.out());

        Result verified = verifyOnChain(proved.out());

        assertThat(proved.exitCode()).as(proved.err()).isZero();
        assertThat(proof.path("anchor").path("size").asLong()).isEqualTo(5);
        assertThat(proof.path("anchor").path("tx").asText()).isEqualTo(anchoredAt(5).transaction());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    }

    @Test
    void anAnchorNamingAnotherCheckpointsTransactionFailsNamingTheSizeRootAndCidThatDiffer() throws Exception {
        ObjectNode proof = (ObjectNode) JSON.readTree(prove(data, READINGS.get(2), "--size", "5").out());
        Anchored other = anchoredAt(8);
        ((ObjectNode) proof.path("anchor")).put("tx", other.transaction()).put("block", other.block());

        Result verified = verifyOnChain(proof.toString());

        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isEqualTo(1);
        assertThat(verified.out()).startsWith("INVALID: anchor: checkpoint " + ORIGIN + " size 8 anchored in block " + other.block())
                .contains("differs from the proof in size (proof: 5), root (on chain: ").contains("cid (proof: " + anchoredAt(5).cid() + ")")
                .doesNotContain("submitter").doesNotContain("origin (");
    }

    @Test
    void anAnchorNamingAnotherBlockSubmitterOrSizeFailsNamingIt() throws Exception {
        String genuine = prove(data, READINGS.get(2), "--size", "5").out();
        ObjectNode otherBlock = (ObjectNode) JSON.readTree(genuine);
        ((ObjectNode) otherBlock.path("anchor")).put("block", anchoredAt(5).block() + 1);
        ObjectNode otherSubmitter = (ObjectNode) JSON.readTree(genuine);
        ((ObjectNode) otherSubmitter.path("anchor")).put("submitter", AnvilPeer.ACCOUNT_0.getAddress());
        ObjectNode otherSize = (ObjectNode) JSON.readTree(genuine);
        ((ObjectNode) otherSize.path("anchor")).put("size", 8);

        Result block = verifyOnChain(otherBlock.toString());
        Result submitter = verifyOnChain(otherSubmitter.toString());
        Result size = verifyOnChain(otherSize.toString());
        Result unconfirmed = verifyOnChain(genuine, "--confirmations", "1000");

        assertThat(block.out()).contains("INVALID: anchor: transaction " + anchoredAt(5).transaction() + " is in block " + anchoredAt(5).block()
                + ", not " + (anchoredAt(5).block() + 1));
        assertThat(submitter.out()).contains("INVALID: anchor: checkpoint " + ORIGIN + " size 5").contains("differs from the proof in submitter (proof: ");
        assertThat(size.out()).contains("INVALID: anchor names size 8, the proof's tree has size 5");
        assertThat(unconfirmed.out()).contains("INVALID: anchor: transaction ").contains("fewer than the 1000 asked for");
        assertThat(List.of(block.exitCode(), submitter.exitCode(), size.exitCode(), unconfirmed.exitCode())).containsOnly(1);
    }

    @Test
    void aForgedHistoryUnderTheLogKeyClaimingTheGenuineAnchorFailsOnItsRootAndCid() throws Exception {
        // The same key signs another tree of size 5 (a split view); its proof claims the genuine checkpoint's anchor.
        Path forged = work.resolve("forged");
        LedgerEntry forgedReading;
        SignedNote forgedNote;
        try (Ledger ledger = Ledger.open(forged); LedgerLog log = LedgerLog.open(ledger)) {
            List<CompletableFuture<LedgerEntry>> appends = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                appends.add(ledger.append(Measurement.of("meter-9", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * i), 7_000 + i, "test")));
            }
            forgedReading = appends.get(2).get();
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
            log.awaitLedger();
            forgedNote = log.checkpoint(KEY);
            new KeptCheckpoints(forged).keep(forgedNote);
        }
        ObjectNode proof = (ObjectNode) JSON.readTree(prove(forged, forgedReading, "--size", "5").out());
        ObjectNode genuineAnchor = (ObjectNode) JSON.readTree(prove(data, READINGS.get(2), "--size", "5").out()).path("anchor");
        String forgedCid = UnixFs.cidOf(forgedNote.encoded().getBytes(StandardCharsets.UTF_8),
                UnixFsOptions.forCid(Cid.parse(anchoredAt(5).cid()))).toString();
        proof.set("anchor", genuineAnchor.deepCopy().put("cid", forgedCid));

        Result verified = verifyOnChain(proof.toString());

        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isEqualTo(1);
        assertThat(verified.out()).startsWith("INVALID: anchor: checkpoint " + ORIGIN + " size 5")
                .contains("differs from the proof in root (on chain: ").contains("cid (proof: " + forgedCid + ")").doesNotContain("size (");
    }

    @Test
    void aReadingOnlyInAnUnanchoredCheckpointHasNoDefaultProofAndItsSizeProofSaysAnchorNullWhichRpcRefuses() throws Exception {
        LedgerEntry late = READINGS.get(9);

        Result byDefault = prove(data, late);
        Result atSize = prove(data, late, "--size", "11");
        JsonNode proof = JSON.readTree(atSize.out());
        Result onChain = verifyOnChain(atSize.out());
        Path file = Files.writeString(work.resolve("unanchored.json"), atSize.out());
        Result offline = CliTestSupport.run("verify-proof", file.toString(), "--log-key", KEY.verifier().text());

        assertThat(byDefault.exitCode()).isEqualTo(2);
        assertThat(byDefault.out()).isEmpty();
        assertThat(byDefault.err()).contains("(leaf 9 of the log) is in no anchored checkpoint: the largest anchored checkpoint has size 8")
                .contains("give --size 11");
        assertThat(atSize.exitCode()).as(atSize.err()).isZero();
        assertThat(atSize.err()).contains("note: the log's tree of size 11 is not anchored");
        assertThat(proof.has("anchor")).isTrue();
        assertThat(proof.get("anchor").isNull()).isTrue();
        assertThat(proof.path("size").asLong()).isEqualTo(11);
        assertThat(onChain.exitCode()).isEqualTo(1);
        assertThat(onChain.out()).contains("INVALID: proof has no anchor to check: its checkpoint is not anchored");
        assertThat(offline.exitCode()).as(offline.out()).isZero();
        assertThat(offline.out()).contains("VALID").contains("it is not anchored");
    }

    @Test
    void verifyProofRefusesPlainHttpToANodeOnAnotherMachine() throws Exception {
        Path file = Files.writeString(work.resolve("proof.json"), prove(data, READINGS.get(2)).out());

        Result verified = CliTestSupport.run("verify-proof", file.toString(), "--rpc", "http://node.example.org:8545");

        assertThat(verified.exitCode()).isEqualTo(2);
        assertThat(verified.err()).contains("is not on this machine and not https").contains("--allow-insecure");
    }
}
