package org.energyweb.batch;

import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.reading.Measurement;
import org.energyweb.proof.LeafKind;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** A test's Merkle-anchoring gateway: a ledger, a pipeline signing with account 1 and an anchorer, started and stopped together. */
final class MerkleGateway implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    static final TransactionPipeline.Options PIPELINE = TransactionPipeline.Options.DEFAULT.withPollInterval(Duration.ofMillis(50));

    final Ledger ledger;
    final TransactionPipeline pipeline;
    final BatchAnchorer anchorer;

    MerkleGateway(Path data, Eth eth, String contract, BatchAnchorer.Options options, IpfsClient ipfs) {
        ledger = Ledger.open(data);
        pipeline = TransactionPipeline.start(eth, AnvilPeer.ACCOUNT_1, new BatchJournal(ledger), PIPELINE);
        anchorer = BatchAnchorer.start(ledger, pipeline, contract, new ManifestStore(ledger.dataDir(), ipfs), options);
    }

    static BatchAnchorer.Options bySize(int size) {
        return new BatchAnchorer.Options(size, Duration.ofMillis(300), LeafKind.DOCUMENT_SHA256);
    }

    /** Appends {@code perMeter} readings for each of {@code meters} meters, interleaved. */
    List<LedgerEntry> append(int meters, int perMeter) {
        List<CompletableFuture<LedgerEntry>> appended = new ArrayList<>();
        // Each meter goes on from its newest reading: the ledger takes the same time and value again as that reading.
        long[] next = new long[meters];
        for (int m = 0; m < meters; m++) {
            next[m] = ledger.head("meter-" + m).map(head -> head.seq() + 1).orElse(0L);
        }
        for (int i = 0; i < perMeter; i++) {
            for (int m = 0; m < meters; m++) {
                long seq = next[m] + i;
                appended.add(ledger.append(Measurement.of("meter-" + m, T0.plusSeconds(60L * seq), 1_000 + 10L * seq, "test")));
            }
        }
        anchorer.wakeUp();
        return appended.stream().map(CompletableFuture::join).toList();
    }

    /** Waits until every reading is in a confirmed batch; returns the batches. */
    List<BatchRecord> awaitAllConfirmed() throws InterruptedException {
        return awaitAllConfirmed(Duration.ofSeconds(60));
    }

    List<BatchRecord> awaitAllConfirmed(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            // Batched first, then unfinished: read the other way round, a batch formed between the two
            // reads would pass as finished while it is still being anchored.
            if (ledger.batches().lastBatchedPosition() == ledger.size() && ledger.batches().unfinished(BatchHop.FINAL).isEmpty()) {
                List<BatchRecord> all = new ArrayList<>();
                for (long id = 1; id < ledger.batches().nextId(); id++) {
                    all.add(ledger.batches().byId(id).orElseThrow());
                }
                assertThat(all).allSatisfy(batch -> assertThat(batch.state()).isEqualTo(BatchHop.CONFIRMED));
                return all;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readings not all anchored within " + within + ": " + ledger.batches().countByState());
    }

    @Override
    public void close() {
        anchorer.close();
        pipeline.close();
        ledger.close();
    }
}
