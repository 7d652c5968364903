package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void firstReadingOfAMeterHasSeqZeroAndNoPrev() {
        try (Ledger ledger = Ledger.open(data)) {
            LedgerEntry entry = ledger.appendAndWait(Measurement.of("m1", T0, 1000, "test"));
            assertThat(entry.seq()).isZero();
            assertThat(entry.document().reading().prev()).isNull();
            assertThat(entry.position()).isEqualTo(1);
        }
    }

    @Test
    void eachReadingLinksToThePreviousDocumentOfTheSameMeter() {
        try (Ledger ledger = Ledger.open(data)) {
            LedgerEntry first = ledger.appendAndWait(Measurement.of("m1", T0, 1000, "test"));
            ledger.appendAndWait(Measurement.of("m2", T0, 5, "test"));
            LedgerEntry second = ledger.appendAndWait(Measurement.of("m1", T0.plusSeconds(1), 1010, "test"));
            assertThat(second.seq()).isEqualTo(1);
            assertThat(second.document().reading().prev()).isEqualTo(first.document().sha256Hex());
        }
    }

    @Test
    void chainsContinueAfterReopening() {
        String firstHash;
        try (Ledger ledger = Ledger.open(data)) {
            firstHash = ledger.appendAndWait(Measurement.of("m1", T0, 1000, "test")).document().sha256Hex();
        }
        try (Ledger ledger = Ledger.open(data)) {
            LedgerEntry next = ledger.appendAndWait(Measurement.of("m1", T0.plusSeconds(1), 1001, "test"));
            assertThat(next.seq()).isEqualTo(1);
            assertThat(next.position()).isEqualTo(2);
            assertThat(next.document().reading().prev()).isEqualTo(firstHash);
        }
    }

    @Test
    void aDownMeterCarriesItsLastGoodValueForward() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.appendAndWait(Measurement.of("m1", T0, 4242, "test"));
            LedgerEntry down = ledger.appendAndWait(Measurement.down("m1", T0.plusSeconds(1), "test"));
            assertThat(down.document().reading().down()).isTrue();
            assertThat(down.document().reading().energyWh()).isEqualTo(4242);
        }
    }

    @Test
    void aDownMeterWithoutHistoryRecordsNothingRatherThanZero() {
        try (Ledger ledger = Ledger.open(data)) {
            assertThatThrownBy(() -> ledger.append(Measurement.down("m1", T0, "test")))
                    .hasMessageContaining("nothing is recorded rather than 0 Wh");
            assertThat(ledger.size()).isZero();
        }
    }

    @Test
    void aCounterBelowTheMetersLastReadingIsRefused() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.appendAndWait(Measurement.of("m1", T0, 5000, "test"));
            assertThatThrownBy(() -> ledger.append(Measurement.of("m1", T0.plusSeconds(1), 4999, "test")))
                    .hasMessageContaining("went backwards from 5000 Wh to 4999 Wh");
            assertThat(ledger.head("m1")).get().extracting(h -> h.seq()).isEqualTo(0L);
        }
    }

    @Test
    void concurrentAppendsFromManyMetersAllCommitInChainOrder() throws Exception {
        try (Ledger ledger = Ledger.open(data)) {
            List<CompletableFuture<LedgerEntry>> futures = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int m = 0; m < 8; m++) {
                String meter = "m" + m;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 500; i++) {
                        CompletableFuture<LedgerEntry> f = ledger.append(Measurement.of(meter, T0.plusSeconds(i), i, "test"));
                        synchronized (futures) {
                            futures.add(f);
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            assertThat(ledger.size()).isEqualTo(4000);
            assertThat(ledger.heads()).hasSize(8).allSatisfy((meter, head) -> assertThat(head.seq()).isEqualTo(499));
        }
        assertThat(LedgerVerifier.verify(data).problems()).isEmpty();
    }

    @Test
    void aSecondProcessCannotOpenTheSameDataFolder() {
        try (Ledger ignored = Ledger.open(data)) {
            assertThatThrownBy(() -> Ledger.open(data)).isInstanceOf(LedgerException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void hopStatesAreRecordedAndPendingReadingsListed() {
        try (Ledger ledger = Ledger.open(data)) {
            LedgerEntry a = ledger.appendAndWait(Measurement.of("m1", T0, 1, "test"));
            LedgerEntry b = ledger.appendAndWait(Measurement.of("m1", T0.plusSeconds(1), 2, "test"));
            ledger.hops().recordAndWait(a.position(), "ipfs", "stored", "bafkrei...");
            assertThat(ledger.hops().pending("ipfs", List.of("stored"), 0, 10)).extracting(LedgerEntry::position)
                    .containsExactly(b.position());
            assertThat(ledger.hops().state(a.position(), "ipfs")).get().extracting(HopState::detail).isEqualTo("bafkrei...");
            assertThat(ledger.hops().countByState("ipfs")).containsEntry("stored", 1L);
        }
    }

    @Test
    void deadLettersAreKeptWithTheirReason() {
        try (Ledger ledger = Ledger.open(data)) {
            DeadLetter letter = ledger.deadLetters().record("m1", "modbus:127.0.0.1:502/1", "counter went backwards", new byte[] {1});
            assertThat(ledger.deadLetters().list(10)).singleElement().satisfies(l -> {
                assertThat(l.id()).isEqualTo(letter.id());
                assertThat(l.reason()).isEqualTo("counter went backwards");
            });
        }
    }

    @Test
    void aLedgerOfSchemaOneDropsItsStoredPerReadingBatchStatesSinceItsBatchesNowGiveThem() throws Exception {
        try (Ledger ledger = Ledger.open(data)) {
            long position = ledger.appendAndWait(Measurement.of("m1", T0, 1000, "test")).position();
            ledger.batches().form(new BatchRecord(1, position, position, 1, "document-sha256", new byte[32], "formed", null, null)).join();
            ledger.hops().recordAndWait(position, Batches.READING_HOP, "stale", "{}");
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 1");
        }
        try (Ledger ledger = Ledger.open(data)) {
            assertThat(ledger.hops().countByState(Batches.READING_HOP)).containsExactly(java.util.Map.entry(Batches.BATCHED, 1L));
        }
    }
}
