package org.energyweb.bench;

import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Batches;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.LedgerStatus;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How long {@code energyweb status} takes on a large ledger: readings of 100 meters, 90 % stored on
 * IPFS and 10 % of those confirmed on-chain, the rest pending, and 80 % in ten confirmed Merkle
 * batches (hop anchor, read through the reading_hop view). Prints, asserts nothing.
 * Run: {@code mvn -Pbench test -Dtest=StatusBench -Dbench.readings=1000000}.
 */
@Tag("bench")
class StatusBench {

    private static final int READINGS = Integer.getInteger("bench.readings", 1_000_000);

    @TempDir
    Path dir;

    @Test
    void statusOfALargeLedger() {
        Instant base = Instant.parse("2026-11-24T12:00:00Z");
        try (Ledger ledger = Ledger.open(dir)) {
            List<CompletableFuture<?>> window = new ArrayList<>();
            for (int i = 0; i < READINGS; i++) {
                window.add(ledger.append(Measurement.of("bench-" + i % 100, base.plusMillis(i), i, "bench")));
                if (window.size() == 20_000) {
                    CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
                    window.clear();
                }
            }
            CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
            window.clear();
            for (LedgerEntry entry : ledger.after(0, READINGS * 9 / 10)) {
                window.add(ledger.hops().record(entry.position(), "ipfs", "stored", "bafkrei"));
                if (entry.position() % 10 == 0) {
                    window.add(ledger.hops().record(entry.position(), "chain", "confirmed", "{\"block\":" + entry.position() + "}"));
                }
            }
            CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
            long batchSize = READINGS * 8L / 10 / 10;
            for (long batch = 1; batch <= 10; batch++) {
                byte[] root = java.nio.ByteBuffer.allocate(32).putLong(batch).array();
                ledger.batches().form(new BatchRecord(batch, (batch - 1) * batchSize + 1, batch * batchSize, batchSize, "document-sha256",
                        root, "formed", null, null)).join();
                ledger.batches().advance(batch, Batches.CONFIRMED, null, "{\"block\":" + batch + "}").join();
            }
        }
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            LedgerStatus status = LedgerStatus.read(dir);
            System.out.printf("status of %,d readings: %.2f s (ipfs %s, anchor %s, last block %d)%n", status.total().readings(),
                    (System.nanoTime() - start) / 1e9, status.total().hops().get("ipfs"), status.total().hops().get(Batches.READING_HOP),
                    status.lastAnchoredBlock());
        }
    }
}
