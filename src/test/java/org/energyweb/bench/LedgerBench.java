package org.energyweb.bench;

import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Ledger throughput with the commit promise kept: every append counted here completed only after
 * its transaction committed (synchronous=FULL). Prints figures, asserts nothing.
 * Run: {@code mvn -Pbench test -Dtest=LedgerBench}.
 */
@Tag("bench")
class LedgerBench {

    private static final int PER_RUN = Integer.getInteger("bench.readings", 1_000_000);
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

    private static void appendAll(Ledger ledger, int meters, int total) throws InterruptedException {
        Instant base = Instant.now();
        ParallelAppends.appendAll(ledger, total, i -> Measurement.of("bench-" + i % meters, base.plusMillis(i), 1_000, "bench"));
    }
}
