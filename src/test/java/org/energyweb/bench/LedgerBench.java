package org.energyweb.bench;

import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
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
 * Ledger throughput with the commit promise kept: every append counted here completed only after
 * its transaction committed (synchronous=FULL). Prints figures, asserts nothing.
 * Run: {@code mvn -Pbench test -Dtest=LedgerBench}.
 */
@Tag("bench")
class LedgerBench {

    private static final int PER_RUN = Integer.getInteger("bench.readings", 1_000_000);
    /** Appends a producer keeps in flight, like a gateway with many meters being polled at once. */
    private static final int IN_FLIGHT = 20_000;

    @TempDir
    Path dir;

    @Test
    void appendsPerSecond() throws Exception {
        System.out.printf("%nledger appends, %d readings per run, committed before counted (WAL, synchronous=FULL)%n", PER_RUN);
        for (int meters : new int[] {1, 100}) {
            Path data = dir.resolve("m" + meters);
            try (Ledger ledger = Ledger.open(data)) {
                appendAll(ledger, meters, 20_000);
                long start = System.nanoTime();
                appendAll(ledger, meters, PER_RUN);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %3d meter(s): %,.0f readings/s%n", meters, PER_RUN / seconds);
            }
        }
        Path data = dir.resolve("m100");
        long start = System.nanoTime();
        VerifyReport report = LedgerVerifier.verify(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("verify: %,d documents in %.2f s = %,.0f documents/s (ok=%s)%n",
                report.documents(), seconds, report.documents() / seconds, report.ok());
    }

    /** Two producer threads, as on this 2-core machine, each keeping a window of appends in flight. */
    private static void appendAll(Ledger ledger, int meters, int total) throws InterruptedException {
        Instant base = Instant.now();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                List<CompletableFuture<LedgerEntry>> window = new ArrayList<>(IN_FLIGHT);
                for (int i = producer; i < total; i += 2) {
                    int meter = i % meters;
                    String id = "bench-" + meter;
                    window.add(ledger.append(Measurement.of(id, base.plusMillis(i), 1_000, "bench")));
                    if (window.size() == IN_FLIGHT) {
                        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
                        window.clear();
                    }
                }
                CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
            });
            producers.add(thread);
            thread.start();
        }
        for (Thread thread : producers) {
            thread.join();
        }
    }
}
