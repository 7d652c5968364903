package org.energyweb.batch;

import org.energyweb.chain.origin.ReadingJournal;
import org.energyweb.bench.ParallelAppends;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.chain.tx.Anchored;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Merkle anchoring end to end on anvil: readings/s through ledger, tree and one anchor transaction for
 * a batch of {@code bench.readings} (default 1,000,000) readings of 1,000 meters; proof generation and
 * verification on that batch; gas per reading against one Origin saveSmartMeterRead per reading.
 * Prints figures, asserts nothing. Run: {@code mvn -Pbench -P '!npm-peers' test -Dtest=MerkleAnchoringBench}.
 */
@Tag("bench")
class MerkleAnchoringBench {

    private static final int READINGS = Integer.getInteger("bench.readings", 1_000_000);
    /** Batches appended back to back, so later batches are formed while readings keep arriving. */
    private static final int BATCHES = Integer.getInteger("bench.batches", 1);
    private static final int METERS = 1_000;

    @TempDir
    Path dir;

    @Test
    void readingsPerSecondProofTimesAndGasPerReading() throws Exception {
        try (AnvilPeer anvil = AnvilPeer.automine()) {
            DevChain chain = new DevChain(anvil);
            Path data = dir.resolve("data");
            long start = System.nanoTime();
            BatchRecord batch;
            try (MerkleGateway gateway = new MerkleGateway(data, chain.eth, chain.contracts.anchor(),
                    new BatchAnchorer.Options(READINGS, Duration.ofHours(1), org.energyweb.proof.LeafKind.DOCUMENT_SHA256), null)) {
                long all = (long) READINGS * BATCHES;
                ParallelAppends.appendAll(gateway.ledger, (int) all,
                        i -> Measurement.of("bench-" + i % METERS, MerkleGateway.T0.plusSeconds(i / METERS), 1_000 + i / METERS, "bench"));
                double ledgered = (System.nanoTime() - start) / 1e9;
                gateway.anchorer.wakeUp();
                batch = gateway.awaitAllConfirmed(Duration.ofMinutes(10)).get(0);
                double total = (System.nanoTime() - start) / 1e9;
                System.out.printf("%nMerkle anchoring, %,d readings of %,d meters in %d batch(es) of %,d%n", all, METERS, BATCHES, READINGS);
                System.out.printf("  ledgered in %.2f s (%,.0f readings/s)%n", ledgered, all / ledgered);
                System.out.printf("  ledgered + trees + manifests + %d anchor tx(s) confirmed in %.2f s: %,.0f readings/s%n", BATCHES, total,
                        all / total);
            }
            String tx = new ObjectMapper().readTree(batch.detail()).get("tx").asText();
            Receipt anchorReceipt = chain.eth.receipt(tx).orElseThrow();

            BatchProver prover = new BatchProver(data);
            long t = System.nanoTime();
            Proof proof = prover.prove("bench-7", 3, null);
            double firstProofMs = (System.nanoTime() - t) / 1e6;
            java.util.Random random = new java.util.Random(7);
            long[] proofNanos = new long[500];
            for (int i = 0; i < proofNanos.length; i++) {
                long at = System.nanoTime();
                prover.prove("bench-" + random.nextInt(METERS), random.nextInt(READINGS / METERS), null);
                proofNanos[i] = System.nanoTime() - at;
            }
            java.util.Arrays.sort(proofNanos);
            ProofVerifier hashes = ProofVerifier.hashesOnly();
            for (int i = 0; i < 10_000; i++) {
                hashes.verify(proof);
            }
            t = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                hashes.verify(proof);
            }
            double verifyUs = (System.nanoTime() - t) / 1e3 / 10_000;
            t = System.nanoTime();
            boolean onChain = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(chain.eth)).verify(proof).valid();
            double verifyChainMs = (System.nanoTime() - t) / 1e6;
            System.out.printf("  proof from the data folder (stored tree top + the leaf's block from the ledger): first %.1f ms, "
                    + "then over %d random readings p50 %.2f ms, p99 %.2f ms; path length %d%n", firstProofMs, proofNanos.length,
                    proofNanos[proofNanos.length / 2] / 1e6, proofNanos[proofNanos.length * 99 / 100] / 1e6, proof.batch().path().size());
            System.out.printf("  verification: %.1f µs hashes only; %.1f ms with the on-chain anchor check (valid=%s)%n",
                    verifyUs, verifyChainMs, onChain);

            BigInteger originGas = originMeterReadGas(chain, data);
            System.out.printf("  gas: anchor tx %s for %,d readings = %.4f gas/reading; Origin saveSmartMeterRead %s gas/reading (%,.0fx)%n",
                    anchorReceipt.gasUsed(), READINGS, anchorReceipt.gasUsed().doubleValue() / READINGS, originGas,
                    originGas.doubleValue() / (anchorReceipt.gasUsed().doubleValue() / READINGS));
        }
    }

    private static BigInteger originMeterReadGas(DevChain chain, Path data) throws Exception {
        BigInteger asset = chain.onboard(Registry.PRODUCING, AnvilPeer.ACCOUNT_1);
        try (Ledger ledger = Ledger.open(data.resolveSibling("origin"));
             TransactionPipeline pipeline = TransactionPipeline.start(chain.eth, AnvilPeer.ACCOUNT_1, new ReadingJournal(ledger), TransactionPipeline.Options.DEFAULT)) {
            BigInteger last = null;
            for (int seq = 0; seq < 3; seq++) {
                LedgerEntry entry = ledger.appendAndWait(Measurement.of("origin-1", MerkleGateway.T0.plusSeconds(seq), 1_000 + seq, "bench"));
                Anchored anchored = pipeline.submit(entry.position(),
                        Registry.PRODUCING.meterRead(chain.contracts.producing(), asset, entry.document())).get(60, TimeUnit.SECONDS);
                last = chain.eth.receipt(anchored.transactionHash()).orElseThrow().gasUsed();
            }
            // The first read of an asset sets storage slots; the steady state is a later one.
            return last;
        }
    }

    /** Two producers, each with a window of appends in flight, as in LedgerBench. */
}
