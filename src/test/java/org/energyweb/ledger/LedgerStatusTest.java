package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerStatusTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void readingsWithoutAStateOnAHopArePendingThere() {
        try (Ledger ledger = Ledger.open(data)) {
            List<LedgerEntry> m1 = append(ledger, "m1", 3);
            append(ledger, "m2", 2);
            ledger.hops().recordAndWait(m1.get(0).position(), "ipfs", "stored", "bafkrei...");
        }
        LedgerStatus status = LedgerStatus.read(data);

        assertThat(status.total().readings()).isEqualTo(5);
        assertThat(status.total().hops().get("ipfs")).containsEntry("stored", 1L).containsEntry("pending", 4L);
        assertThat(status.meters().get("m1").hops().get("ipfs")).containsEntry("stored", 1L).containsEntry("pending", 2L);
        assertThat(status.meters().get("m2").hops().get("ipfs")).containsOnlyKeys("pending").containsEntry("pending", 2L);
    }

    @Test
    void logCheckpointTransactionsKeyedByTreeSizeAreNoReadingsStates() {
        try (Ledger ledger = Ledger.open(data)) {
            append(ledger, "m1", 3);
            ledger.hops().recordAndWait(2, Hops.CHECKPOINT_TRANSACTION_HOP, "confirmed", "{\"block\":7}");
        }
        LedgerStatus status = LedgerStatus.read(data);

        assertThat(status.total().hops()).doesNotContainKey(Hops.CHECKPOINT_TRANSACTION_HOP);
        assertThat(status.meters().get("m1").hops()).doesNotContainKey(Hops.CHECKPOINT_TRANSACTION_HOP);
    }

    @Test
    void everyRecordedStateOfEveryHopIsCounted() {
        try (Ledger ledger = Ledger.open(data)) {
            List<LedgerEntry> entries = append(ledger, "m1", 4);
            ledger.hops().recordAndWait(entries.get(0).position(), "chain", "confirmed", "{\"block\":7}");
            ledger.hops().recordAndWait(entries.get(1).position(), "chain", "sent", "{\"nonce\":1}");
            ledger.hops().recordAndWait(entries.get(2).position(), "chain", "dead", "{\"reason\":\"reverted\"}");
            ledger.hops().recordAndWait(entries.get(3).position(), "chain", "nonce-allocated", "{\"nonce\":3}");
        }
        assertThat(LedgerStatus.read(data).total().hops().get("chain"))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("confirmed", 1L, "sent", 1L, "dead", 1L, "nonce-allocated", 1L, "pending", 0L));
    }

    @Test
    void theOldestPendingReadingIsTheFirstAppendedWithoutAState() {
        try (Ledger ledger = Ledger.open(data)) {
            List<LedgerEntry> entries = append(ledger, "m1", 3);
            ledger.hops().recordAndWait(entries.get(0).position(), "ipfs", "stored", "bafkrei...");
        }
        LedgerStatus status = LedgerStatus.read(data);

        assertThat(status.oldestPending().get("ipfs")).satisfies(oldest -> {
            assertThat(oldest.meter()).isEqualTo("m1");
            assertThat(oldest.seq()).isEqualTo(1);
            assertThat(oldest.age(status.time()).isNegative()).isFalse();
        });
    }

    @Test
    void aHopWithNothingPendingHasNoOldestPending() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.hops().recordAndWait(append(ledger, "m1", 1).get(0).position(), "ipfs", "stored", "bafkrei...");
        }
        assertThat(LedgerStatus.read(data).oldestPending()).isEmpty();
    }

    @Test
    void theLastAnchoredBlockIsTheHighestBlockOfAMinedOrConfirmedReadingOrAConfirmedBatch() {
        try (Ledger ledger = Ledger.open(data)) {
            List<LedgerEntry> entries = append(ledger, "m1", 5);
            ledger.hops().recordAndWait(entries.get(0).position(), "chain", "confirmed", "{\"nonce\":0,\"block\":12}");
            long batched = entries.get(1).position();
            ledger.batches().form(new BatchRecord(1, batched, batched, 1, "document-sha256", new byte[32], "formed", null, null)).join();
            ledger.batches().advance(1, Batches.CONFIRMED, null, "{\"tx\":\"0x01\",\"block\":15}").join();
            // A sent transaction has no block yet, and a detail that is not JSON is not read as one.
            ledger.hops().recordAndWait(entries.get(2).position(), "chain", "sent", "{\"block\":99}");
            ledger.hops().recordAndWait(entries.get(3).position(), "chain", "mined", "not json");
            ledger.hops().recordAndWait(entries.get(4).position(), "ipfs", "stored", "{\"block\":100}");
        }
        assertThat(LedgerStatus.read(data).lastAnchoredBlock()).isEqualTo(15);
    }

    @Test
    void aLedgerWithNothingAnchoredHasNoLastBlock() {
        try (Ledger ledger = Ledger.open(data)) {
            append(ledger, "m1", 1);
        }
        assertThat(LedgerStatus.read(data).lastAnchoredBlock()).isNull();
    }

    @Test
    void deadLettersAreCountedWithThoseNotReplayed() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.deadLetters().record("m1", "api", "bad", null);
            long id = ledger.deadLetters().record("m1", "api", "late",
                    "{\"meter\":\"m1\",\"time\":\"2026-11-24T12:00:00Z\",\"energyWh\":5,\"source\":\"api\"}".getBytes()).id();
            ledger.deadLetters().replay(id);
        }
        LedgerStatus status = LedgerStatus.read(data);

        assertThat(status.deadLetters()).isEqualTo(2);
        assertThat(status.unreplayedDeadLetters()).isEqualTo(1);
    }

    @Test
    void statusReadsWhileTheLedgerIsOpenForWriting() {
        try (Ledger ledger = Ledger.open(data)) {
            append(ledger, "m1", 2);
            assertThat(LedgerStatus.read(data).total().readings()).isEqualTo(2);
        }
    }

    @Test
    void aFolderWithoutALedgerIsAClearError() {
        assertThatThrownBy(() -> LedgerStatus.read(data.resolve("none"))).isInstanceOf(LedgerException.class).hasMessageContaining("no ledger in");
    }

    @Test
    void readingsOfAMerkleBatchHaveItsStateOnTheAnchorHopAndTheFirstReadingAfterTheLastBatchIsTheOldestPending() {
        try (Ledger ledger = Ledger.open(data)) {
            append(ledger, "m1", 3);
            append(ledger, "m2", 2);
            ledger.batches().form(new BatchRecord(1, 1, 2, 2, "document-sha256", new byte[32], "formed", null, null)).join();
            ledger.batches().advance(1, Batches.CONFIRMED, null, "{\"block\":7}").join();
            ledger.batches().form(new BatchRecord(2, 3, 4, 2, "document-sha256", new byte[] {1}, "formed", null, null)).join();
        }
        LedgerStatus status = LedgerStatus.read(data);

        assertThat(status.total().hops().get(Batches.READING_HOP))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(Batches.CONFIRMED, 2L, Batches.BATCHED, 2L, LedgerStatus.PENDING, 1L));
        assertThat(status.meters().get("m1").hops().get(Batches.READING_HOP)).containsEntry(Batches.CONFIRMED, 2L).containsEntry(Batches.BATCHED, 1L);
        assertThat(status.meters().get("m2").hops().get(Batches.READING_HOP)).containsEntry(Batches.BATCHED, 1L).containsEntry(LedgerStatus.PENDING, 1L);
        assertThat(status.oldestPending().get(Batches.READING_HOP).position()).isEqualTo(5);
        assertThat(status.lastAnchoredBlock()).isEqualTo(7);
    }

    private static List<LedgerEntry> append(Ledger ledger, String meter, int count) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(ledger.appendAndWait(Measurement.of(meter, T0.plusSeconds(i), 100 + i, "test")));
        }
        return entries;
    }
}
