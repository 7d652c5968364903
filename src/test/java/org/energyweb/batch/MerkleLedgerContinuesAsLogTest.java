package org.energyweb.batch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.anchor.AnchoredCheckpoints;
import org.energyweb.tlog.anchor.CheckpointAnchorer;
import org.energyweb.tlog.anchor.CheckpointJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Migration (issue 14 item 6): a ledger anchored the old way, as per-batch Merkle trees on a real anvil, keeps its batch
 * proofs when the transparency log is switched on, and the log, which covers every reading from leaf 0, proves the
 * same readings against the checkpoints anchored from then on.
 */
class MerkleLedgerContinuesAsLogTest extends OnDevChain {

    static final String ORIGIN = "gateway.example/migrated";

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aReadingOfAnAnchoredMerkleBatchStillProvesByItsBatchAndThenByTheLogsAnchoredCheckpoint() throws Exception {
        Path data = dir.resolve("data");
        List<BatchRecord> batches;
        try (MerkleGateway gateway = new MerkleGateway(data, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(6), null)) {
            gateway.append(2, 6);
            batches = gateway.awaitAllConfirmed();
        }
        assertThat(batches).hasSize(2);
        Path batchProof = prove("batch-proof.json", "--meter", "meter-1", "--seq", "4");
        assertThat(verify(batchProof).exitCode()).isZero();

        // The log switched on: it follows the ledger from its first reading, readings go on, a checkpoint is anchored.
        NoteSigner key = new NoteSigner(ORIGIN, seed());
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            ledger.append(Measurement.of("meter-0", MerkleGateway.T0.plusSeconds(3600), 5_000, "test")).join();
            log.awaitLedger();
            assertThat(log.size()).isEqualTo(13);
            new KeptCheckpoints(data).keep(log.checkpoint(key));
            try (TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, AnvilPeer.ACCOUNT_1, new CheckpointJournal(ledger),
                    MerkleGateway.PIPELINE);
                 CheckpointAnchorer anchorer = CheckpointAnchorer.start(ledger, chain.eth, pipeline, chain.contracts.anchor(),
                         new IpfsSync(new LocalBlockStore(data.resolve("pending")), IPFS.client()), new CheckpointAnchorer.Options(0), new SimpleMeterRegistry())) {
                // anchored once its transaction is confirmed on the checkpoint hop, as prove --log reads it
                await().atMost(Duration.ofSeconds(60)).until(() -> AnchoredCheckpoints.read(data).size() == 1);
            }
        }

        Path logProof = prove("log-proof.json", "--meter", "meter-1", "--seq", "4", "--log");
        JsonNode proof = JSON.readTree(logProof.toFile());
        assertThat(proof.get("index").asLong()).as("meter-1 #4 is the 10th reading of the ledger").isEqualTo(9);
        assertThat(proof.get("size").asLong()).isEqualTo(13);
        assertThat(ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), AnvilPeer.ACCOUNT_1.getAddress(), ORIGIN).size())
                .isEqualTo(13);
        assertThat(proof.get("leaf")).isEqualTo(JSON.readTree(batchProof.toFile()).get("leaf"));
        Result logVerified = CliTestSupport.run("verify-proof", logProof.toString(), "--log-key", key.verifier().text(), "--rpc",
                anvil.url());
        assertThat(logVerified.exitCode()).as(logVerified.out() + logVerified.err()).isZero();
        assertThat(logVerified.out()).startsWith("VALID").contains("signed by its log key").doesNotContain("not checked");

        assertThat(prove("batch-proof-after.json", "--meter", "meter-1", "--seq", "4")).hasSameTextualContentAs(batchProof);
        assertThat(verify(batchProof).exitCode()).isZero();
    }

    private Path prove(String file, String... reading) throws Exception {
        String[] args = new String[reading.length + 3];
        args[0] = "prove";
        args[1] = "--data";
        args[2] = dir.resolve("data").toString();
        System.arraycopy(reading, 0, args, 3, reading.length);
        Result prove = CliTestSupport.run(args);
        assertThat(prove.exitCode()).as(prove.err()).isZero();
        return Files.writeString(dir.resolve(file), prove.out());
    }

    private Result verify(Path proof) {
        Result verify = CliTestSupport.run("verify-proof", proof.toString(), "--rpc", anvil.url());
        assertThat(verify.out()).as(verify.err()).contains("VALID: hashes and on-chain anchor check out");
        return verify;
    }

    private static byte[] seed() {
        byte[] seed = new byte[32];
        seed[0] = 9;
        return seed;
    }
}
