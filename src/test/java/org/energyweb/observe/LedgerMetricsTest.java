package org.energyweb.observe;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Ledger;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ledger-derived meters agree with the ledger. */
class LedgerMetricsTest {

    @TempDir
    Path data;

    @Test
    void batchSizesHoldEachBatchOfTheLedgerOnceAsItIsFormed() {
        Instant t0 = Instant.parse("2026-11-24T12:00:00Z");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Ledger ledger = Ledger.open(data)) {
            for (int i = 0; i < 10; i++) {
                ledger.append(Measurement.of("meter-1", t0.plusSeconds(i), 1_000 + i, "test")).join();
            }
            ledger.batches().form(new BatchRecord(1, 1, 4, 4, "document-sha256", new byte[] {1}, "formed", null, null)).join();
            try (LedgerMetrics metrics = new LedgerMetrics(ledger, Duration.ofMillis(50))) {
                metrics.bindTo(registry);
                DistributionSummary sizes = registry.get("energyweb.batch.size").summary();
                assertThat(sizes.count()).isEqualTo(1);

                ledger.batches().form(new BatchRecord(2, 5, 10, 6, "document-sha256", new byte[] {2}, "formed", null, null)).join();

                await().atMost(Duration.ofSeconds(30)).until(sizes::count, count -> count == 2);
                assertThat(sizes.totalAmount()).isEqualTo(10.0);
                assertThat(sizes.max()).isEqualTo(6.0);
                assertThat(registry.get("energyweb.batches").tag("state", "formed").functionCounter().count()).isEqualTo(2.0);
            }
        }
    }
}
