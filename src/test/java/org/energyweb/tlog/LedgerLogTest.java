package org.energyweb.tlog;

import org.energyweb.ledger.Ledger;
import org.energyweb.proof.MerkleConsistency;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.proof.MerkleTree;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerLogTest {

    static final NoteSigner KEY = new NoteSigner("gateway.example/log", new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @TempDir
    Path data;

    @Test
    void leafIIsTheIthLedgeredReadingsDocumentDigestWhileReadingsArriveFromManyMeters() throws Exception {
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            appendConcurrently(ledger, 4, 250, 0);
            log.awaitLedger();

            MerkleTree expected = LedgerDigests.treeOf(ledger);
            assertThat(log.size()).isEqualTo(1000);
            assertThat(MerkleProofs.root(log.tiles(), 1000)).isEqualTo(expected.root());
        }
    }

    @Test
    void readingsLedgeredWhileTheLogWasNotFollowingAreAppendedWhenItOpens() throws Exception {
        try (Ledger ledger = Ledger.open(data)) {
            appendConcurrently(ledger, 2, 150, 0);
            try (LedgerLog log = LedgerLog.open(ledger)) {
                assertThat(log.size()).isEqualTo(300);
                appendConcurrently(ledger, 2, 10, 150);
                log.awaitLedger();
            }
            appendConcurrently(ledger, 2, 40, 160);
            try (LedgerLog log = LedgerLog.open(ledger)) {
                assertThat(log.size()).isEqualTo(400);
                assertThat(MerkleProofs.root(log.tiles(), 400)).isEqualTo(LedgerDigests.treeOf(ledger).root());
            }
        }
    }

    @Test
    void damagedTilesAreRebuiltFromTheLedgerIntoTheSameLog() throws Exception {
        SignedNote before;
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            appendConcurrently(ledger, 1, 300, 0);
            log.awaitLedger();
            before = log.checkpoint(KEY);
        }
        Files.delete(data.resolve("log/tile/0/001.p/44"));
        Files.writeString(data.resolve("log/tile/0/000"), "not a tile");

        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            appendConcurrently(ledger, 1, 20, 300);
            log.awaitLedger();
            Checkpoint old = Checkpoint.parse(before.text());
            Checkpoint now = Checkpoint.parse(log.checkpoint(KEY).text());

            assertThat(now.size()).isEqualTo(320);
            assertThat(now.root()).isEqualTo(LedgerDigests.treeOf(ledger).root());
            assertThat(MerkleConsistency.verify(old.size(), now.size(), old.root(), now.root(),
                    MerkleProofs.consistencyProof(log.tiles(), old.size(), now.size()))).isTrue();
        }
    }

    @Test
    void aCheckpointIsTheSignedOriginSizeAndRootWrittenWhereTlogTilesServesIt() throws Exception {
        try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
            appendConcurrently(ledger, 1, 5, 0);
            log.awaitLedger();

            SignedNote note = log.checkpoint(KEY);

            assertThat(note.text()).isEqualTo(new Checkpoint("gateway.example/log", 5, LedgerDigests.treeOf(ledger).root()).text());
            assertThat(note.verifiedBy(List.of(KEY.verifier()))).containsExactly(KEY.verifier());
            assertThat(Files.readString(data.resolve("log/checkpoint"))).isEqualTo(note.encoded());
            assertThat(LedgerLog.latestCheckpoint(data)).contains(note);
        }
    }

    /** Appends {@code perMeter} readings to each of {@code meters} meters from one thread each and waits for all. */
    static void appendConcurrently(Ledger ledger, int meters, int perMeter, long energyFrom) throws Exception {
        List<CompletableFuture<?>> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int m = 0; m < meters; m++) {
            String meter = "meter-" + m;
            Thread thread = new Thread(() -> {
                for (int i = 1; i <= perMeter; i++) {
                    CompletableFuture<?> append = ledger.append(Measurement.of(meter, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(energyFrom + i),
                            (energyFrom + i) * 10, "log-test"));
                    synchronized (all) {
                        all.add(append);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get();
    }
}
