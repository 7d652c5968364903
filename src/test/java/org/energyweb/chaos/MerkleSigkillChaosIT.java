package org.energyweb.chaos;

import org.energyweb.batch.BatchHop;
import org.energyweb.batch.BatchProver;
import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Batches;
import org.energyweb.ledger.LedgerStatus;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.proof.Verification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Merkle gateway (routes/examples/merkle-gateway.camel.yaml) killed with SIGKILL at random
 * moments, so kills land while a batch is being formed, its manifest written, its transaction sent
 * or confirmed; then an audit from the ledger and the chain's events: every reading in exactly one
 * confirmed batch, every batch anchored exactly once with its root, every reading proven.
 */
@Tag("chaos")
class MerkleSigkillChaosIT {

    private static final int KILLS = 10;
    private static final Path ROUTE = GatewayProcess.PROJECT.resolve("routes/examples/merkle-gateway.camel.yaml");
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path root;

    @Test
    void killingTheMerkleGatewayAtRandomMomentsAnchorsEveryReadingInExactlyOneBatchOnce() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = root.resolve("data");
        Path log = root.resolve("gateway.log");
        // One-second blocks keep each batch's transaction in flight for a while, so kills land mid-batch.
        try (AnvilPeer anvil = AnvilPeer.blockTime(1)) {
            Eth eth = ChaosRig.eth(anvil);
            String contract = ChaosRig.admin(eth).deploy().anchor();
            ChaosRig.GatewayKey key = ChaosRig.GatewayKey.create(root, eth);
            Path config = config(anvil, key, contract, data, Duration.ofMillis(50));
            Map<String, String> acknowledged = new HashMap<>();
            int unfinishedAtKills = 0;
            for (int kill = 1; kill <= KILLS; kill++) {
                long before = readingsBesideGateway(data);
                GatewayProcess gateway = GatewayProcess.launch(log, "run", "--routes", ROUTE.toString(), "--config", config.toString(),
                        "--data", data.toString()).awaitReady(() -> readingsBesideGateway(data) > before, Duration.ofSeconds(60));
                GatewayProcess.sleep(Duration.ofMillis(1500 + random.nextInt(4000)));
                gateway.kill();
                unfinishedAtKills += Batches.readOnly(data).unfinished(BatchHop.FINAL).size();
                Map<String, String> afterKill = ChaosAudit.acknowledged(data);
                assertThat(afterKill).as("after kill %d (seed %d) every reading acknowledged before is still there", kill, seed)
                        .containsAllEntriesOf(acknowledged);
                acknowledged.putAll(afterKill);
            }
            drain(log, config(anvil, key, contract, data, Duration.ofHours(1)), data);

            assertThat(LedgerVerifier.verify(data).problems()).as("the ledger verifies").isEmpty();
            assertThat(ChaosAudit.acknowledged(data)).as("every acknowledged reading once, unchanged")
                    .containsAllEntriesOf(acknowledged).hasSize((int) readings(data));
            List<BatchRecord> batches = batches(data);
            assertBatchesCoverTheLedgerOnceInOrder(batches, readings(data));
            assertEachBatchAnchoredOnceWithItsRoot(eth, contract, batches);
            long proven = proveEveryReading(data, eth, acknowledged.keySet(), batches);
            System.out.printf("CHAOS %-28s readings=%d batches=%d unfinishedAtKills=%d proven=%d seed=%d%n", "merkle sigkill x" + KILLS,
                    readings(data), batches.size(), unfinishedAtKills, proven, seed);
        }
    }

    private Path config(AnvilPeer anvil, ChaosRig.GatewayKey key, String contract, Path data, Duration period) {
        Properties settings = new Properties();
        settings.setProperty("energyweb.data", data.toString());
        settings.setProperty("energyweb.simulator.meters", "8");
        settings.setProperty("energyweb.simulator.period", Long.toString(period.toMillis()));
        settings.setProperty("energyweb.simulator.profile", "household");
        settings.setProperty("energyweb.chain.rpcUrl", anvil.url());
        settings.setProperty("energyweb.chain.keystore", key.keystore().toString());
        settings.setProperty("energyweb.chain.passwordFile", key.passwordFile().toString());
        settings.setProperty("energyweb.merkle.contract", contract);
        // Small, frequent batches: a kill lands in every step of some batch's life.
        settings.setProperty("energyweb.merkle.batchSize", "300");
        settings.setProperty("energyweb.merkle.batchInterval", "700");
        Path file = root.resolve("merkle-" + period.toMillis() + ".properties");
        ChaosRig.write(file, settings);
        return file;
    }

    /** Runs the gateway with its meters all but idle until every reading is in a confirmed batch, then stops it. */
    private static void drain(Path log, Path config, Path data) {
        GatewayProcess gateway = GatewayProcess.launch(log, "run", "--routes", ROUTE.toString(), "--config", config.toString(),
                "--data", data.toString());
        try {
            gateway.awaitReady(() -> {
                long readings = readingsBesideGateway(data);
                List<BatchRecord> batches = batches(data);
                return readings > 0 && batches.stream().mapToLong(BatchRecord::size).sum() == readings
                        && batches.stream().allMatch(batch -> batch.state().equals(BatchHop.CONFIRMED));
            }, Duration.ofMinutes(2));
        } finally {
            gateway.stop();
        }
    }

    /** Readings in the ledger, read beside a running gateway (0 until it has opened the ledger in WAL mode). */
    private static long readingsBesideGateway(Path data) {
        return Files.exists(data.resolve("ledger.db-shm")) ? readings(data) : 0;
    }

    private static long readings(Path data) {
        return LedgerStatus.read(data).total().readings();
    }

    private static List<BatchRecord> batches(Path data) {
        Batches batches = Batches.readOnly(data);
        List<BatchRecord> all = new ArrayList<>();
        for (long id = 1; id < batches.nextId(); id++) {
            all.add(batches.byId(id).orElseThrow());
        }
        return all;
    }

    private static void assertBatchesCoverTheLedgerOnceInOrder(List<BatchRecord> batches, long readings) {
        long next = 1;
        for (BatchRecord batch : batches) {
            assertThat(batch.state()).as("batch %d", batch.id()).isEqualTo(BatchHop.CONFIRMED);
            assertThat(batch.firstPosition()).as("batch %d starts right after the one before", batch.id()).isEqualTo(next);
            assertThat(batch.size()).isEqualTo(batch.lastPosition() - batch.firstPosition() + 1);
            next = batch.lastPosition() + 1;
        }
        assertThat(next - 1).as("the batches end at the ledger's last reading").isEqualTo(readings);
    }

    private static void assertEachBatchAnchoredOnceWithItsRoot(Eth eth, String contract, List<BatchRecord> batches) {
        List<Log> events = eth.logs(contract, List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0, eth.blockNumber());
        // topics: the event, batchId, root, submitter.
        List<String> anchoredRoots = events.stream().map(event -> event.topics().get(2).substring(2)).toList();
        assertThat(anchoredRoots).as("one anchor event per batch, in batch order, none twice")
                .containsExactlyElementsOf(batches.stream().map(batch -> HEX.formatHex(batch.root())).toList());
    }

    /** Proves every reading (hashes only), and checks one proof per batch against the chain. */
    private static long proveEveryReading(Path data, Eth eth, Iterable<String> readings, List<BatchRecord> batches) {
        BatchProver prover = new BatchProver(data);
        ProofVerifier hashes = ProofVerifier.hashesOnly();
        long proven = 0;
        for (String reading : readings) {
            int hash = reading.lastIndexOf('#');
            Verification verification = hashes.verify(prover.prove(reading.substring(0, hash), Long.parseLong(reading.substring(hash + 1)), null));
            assertThat(verification.valid()).as("%s: %s", reading, verification.reason()).isTrue();
            proven++;
        }
        ProofVerifier onChain = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(eth));
        Batches ledger = Batches.readOnly(data);
        for (BatchRecord batch : batches) {
            var entry = ledger.readingsBetween(batch.firstPosition(), batch.firstPosition()).get(0);
            Verification verification = onChain.verify(prover.prove(entry.meter(), entry.seq(), null));
            assertThat(verification.valid() && verification.anchorChecked()).as("batch %d on chain: %s", batch.id(), verification.reason())
                    .isTrue();
        }
        return proven;
    }
}
