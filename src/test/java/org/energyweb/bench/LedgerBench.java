package org.energyweb.bench;

import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.VerifyReport;
import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;

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

    /**
     * What the metrics cost the ledger: the same appends with no meters, and with the gateway's
     * meters bound to a Prometheus registry (the append timer on every commit, and the ledger-derived
     * gauges refreshed each second as a running gateway does). Target: under 5 % fewer appends per second.
     */
    @Test
    void appendsPerSecondWithAndWithoutMetrics() throws Exception {
        int readings = Math.min(PER_RUN, 300_000);
        System.out.printf("%nledger appends with and without metrics, %d readings per run, 10 meters, best of 3%n", readings);
        double without = 0;
        double with = 0;
        // Alternating, back to back, so a machine whose load changes weighs on both alike; the load is printed beside each pair.
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 3; round++) {
            double plain = rate(dir.resolve("plain-" + round), readings, false);
            double metered = rate(dir.resolve("metrics-" + round), readings, true);
            System.out.printf("  round %d: without %,.0f, with %,.0f readings/s (%+.1f %%), load average %.2f on %d cores%n", round + 1,
                    plain, metered, (metered - plain) / plain * 100, os.getSystemLoadAverage(), os.getAvailableProcessors());
            without = Math.max(without, plain);
            with = Math.max(with, metered);
        }
        System.out.printf("  without metrics: %,.0f readings/s%n  with metrics:    %,.0f readings/s (%+.1f %%)%n", without, with,
                (with - without) / without * 100);
    }

    private static double rate(Path data, int readings, boolean metrics) throws InterruptedException {
        try (Ledger ledger = Ledger.open(data)) {
            io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry = null;
            org.energyweb.observe.LedgerMetrics bound = null;
            if (metrics) {
                registry = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
                bound = new org.energyweb.observe.LedgerMetrics(ledger, java.time.Duration.ofSeconds(1));
                bound.bindTo(registry);
            }
            try {
                appendAll(ledger, 10, 20_000);
                long start = System.nanoTime();
                appendAll(ledger, 10, readings);
                return readings / ((System.nanoTime() - start) / 1e9);
            } finally {
                if (bound != null) {
                    bound.close();
                    registry.close();
                }
            }
        }
    }

    private static void appendAll(Ledger ledger, int meters, int total) throws InterruptedException {
        // After the newest reading of any meter, so a run after the warm-up is not refused as out of order.
        Instant base = ledger.heads().values().stream().map(ChainHead::time).max(Comparator.naturalOrder())
                .map(newest -> newest.plusMillis(1)).orElse(Instant.now());
        ParallelAppends.appendAll(ledger, total, i -> Measurement.of("bench-" + i % meters, base.plusMillis(i), 1_000, "bench"));
    }
}
