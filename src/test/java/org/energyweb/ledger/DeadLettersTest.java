package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLettersTest {

    private static final byte[] MEASUREMENT = json("{\"meter\":\"m1\",\"time\":\"2026-11-24T12:00:00Z\",\"energyWh\":1234,\"source\":\"api\"}");

    @TempDir
    Path data;

    @Test
    void aDeadLetterWithMeasurementJsonIsAppendedAndMarkedWithTheNewReading() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T11:00:00Z"), 1000, "api"));
            long id = ledger.deadLetters().record("m1", "api", "ipfs was away", MEASUREMENT).id();

            DeadLetters.Replay replay = ledger.deadLetters().replay(id);

            assertThat(replay.outcome()).isEqualTo(DeadLetters.Replay.Outcome.REPLAYED);
            assertThat(replay.meter()).isEqualTo("m1");
            assertThat(replay.seq()).isEqualTo(1);
            assertThat(ledger.find("m1", 1)).get().satisfies(entry -> assertThat(entry.document().reading().energyWh()).isEqualTo(1234));
            assertThat(ledger.deadLetters().list(1)).singleElement()
                    .satisfies(letter -> assertThat(letter.replayed()).isNotNull().extracting(DeadLetter.Replayed::seq).isEqualTo(1L));
        }
    }

    @Test
    void aLetterRecordedOnceIsRecordedAgainOnlyForAnotherSourceOrReason() {
        try (Ledger ledger = Ledger.open(data)) {
            DeadLetter first = ledger.deadLetters().recordOnce("m1", "kafka:results", "forged path", null).orElseThrow();

            assertThat(ledger.deadLetters().recordOnce("m1", "kafka:results", "forged path", null)).isEmpty();
            assertThat(ledger.deadLetters().recordOnce("m1", "kafka:results", "not held", null)).isPresent();
            assertThat(ledger.deadLetters().recordOnce("m1", "kafka:other", "forged path", null)).isPresent();
            assertThat(ledger.deadLetters().list(10)).extracting(DeadLetter::id).hasSize(3).contains(first.id());
        }
    }

    @Test
    void aLateMeasurementWhoseRegisterDoesNotFitBetweenTheReadingsAroundItStaysWithItsReason() {
        try (Ledger ledger = Ledger.open(data)) {
            Instant t0 = Instant.parse("2026-11-24T12:00:00Z");
            ledger.appendAndWait(Measurement.of("m1", t0, 1000, "api"));
            ledger.appendAndWait(Measurement.of("m1", t0.plusSeconds(120), 1200, "api"));
            byte[] tooHigh = json("{\"meter\":\"m1\",\"time\":\"2026-11-24T12:01:00Z\",\"energyWh\":1300,\"source\":\"api\"}");
            byte[] fits = json("{\"meter\":\"m1\",\"time\":\"2026-11-24T12:01:00Z\",\"energyWh\":1100,\"source\":\"api\"}");
            long refused = ledger.deadLetters().record("m1", "api", "out of order", tooHigh).id();
            long late = ledger.deadLetters().record("m1", "api", "out of order", fits).id();

            List<DeadLetters.Replay> replays = ledger.deadLetters().replayAll();

            assertThat(replays).extracting(DeadLetters.Replay::id, DeadLetters.Replay::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(refused, DeadLetters.Replay.Outcome.NOT_REPLAYABLE),
                    org.assertj.core.groups.Tuple.tuple(late, DeadLetters.Replay.Outcome.REPLAYED));
            assertThat(replays.get(0).reason()).contains("1300 Wh is above the 1200 Wh of its reading after (seq 1)");
            assertThat(ledger.find("m1", 2).orElseThrow().document().reading().late()).isTrue();
            assertThat(ledger.head("m1").orElseThrow().seq()).isEqualTo(2);
        }
    }

    @Test
    void aReadingAHopGaveUpOnIsHandedToThatHopAgainByReplayNotAppendedTwice() {
        try (Ledger ledger = Ledger.open(data)) {
            LedgerEntry sent = ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T11:00:00Z"), 1000, "api"));
            LedgerEntry unmapped = ledger.appendAndWait(Measurement.of("m2", Instant.parse("2026-11-24T11:00:00Z"), 2000, "api"));
            ledger.hops().recordAndWait(sent.position(), "chain", "confirmed", null);

            DeadLetter letter = ledger.deadLetters().recordUndelivered(unmapped.position(), "chain", Hops.DEAD, "{\"reason\":\"no asset\"}",
                    "chain:0xabc", "meter m2 has no Origin asset");

            assertThat(letter.meter()).isEqualTo("m2");
            assertThat(letter.payload()).isEqualTo(unmapped.document().bytes());
            assertThat(letter.hop()).isEqualTo("chain");
            assertThat(letter.position()).isEqualTo(unmapped.position());
            assertThat(ledger.hops().pending("chain", List.of("confirmed", Hops.DEAD), 0, 10))
                    .as("the hop is done with it: it no longer holds up the readings after it").isEmpty();

            DeadLetters.Replay replay = ledger.deadLetters().replay(letter.id());

            assertThat(replay.outcome()).isEqualTo(DeadLetters.Replay.Outcome.REPLAYED);
            assertThat(replay.meter()).isEqualTo("m2");
            assertThat(replay.seq()).isEqualTo(unmapped.seq());
            assertThat(ledger.size()).as("nothing appended").isEqualTo(2);
            assertThat(ledger.hops().state(unmapped.position(), "chain")).as("its dead state is forgotten").isEmpty();
            assertThat(ledger.hops().pending("chain", List.of("confirmed", Hops.DEAD), 0, 10))
                    .extracting(LedgerEntry::position).containsExactly(unmapped.position());
            assertThat(ledger.deadLetters().replay(letter.id()).outcome()).isEqualTo(DeadLetters.Replay.Outcome.ALREADY_REPLAYED);
        }
        try (Ledger ledger = Ledger.open(data)) {
            assertThat(ledger.deadLetters().list(1)).singleElement()
                    .satisfies(kept -> assertThat(kept.position()).isEqualTo(2L))
                    .satisfies(kept -> assertThat(kept.replayed().meter()).isEqualTo("m2"));
        }
    }

    @Test
    void aHopGivingUpOnSomethingThatIsNotAReadingLeavesALetterThatCannotBeReplayed() {
        try (Ledger ledger = Ledger.open(data)) {
            DeadLetter letter = ledger.deadLetters().recordUndelivered(-3, "test", Hops.DEAD, null, "test:0xabc", "gave up on @-3");

            assertThat(letter.hop()).isNull();
            assertThat(letter.payload()).isNull();
            assertThat(ledger.deadLetters().replay(letter.id()).outcome()).isEqualTo(DeadLetters.Replay.Outcome.NOT_REPLAYABLE);
        }
    }

    @Test
    void replayingTwiceAppendsOnce() {
        try (Ledger ledger = Ledger.open(data)) {
            long id = ledger.deadLetters().record("m1", "api", "bad", MEASUREMENT).id();
            ledger.deadLetters().replay(id);

            DeadLetters.Replay again = ledger.deadLetters().replay(id);

            assertThat(again.outcome()).isEqualTo(DeadLetters.Replay.Outcome.ALREADY_REPLAYED);
            assertThat(again.seq()).isZero();
            assertThat(ledger.deadLetters().replayAll()).isEmpty();
            assertThat(ledger.size()).isEqualTo(1);
        }
    }

    @Test
    void aReplayedMarkSurvivesReopeningSoALaterReplayAllSkipsIt() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.deadLetters().replay(ledger.deadLetters().record("m1", "api", "bad", MEASUREMENT).id());
        }
        try (Ledger ledger = Ledger.open(data)) {
            assertThat(ledger.deadLetters().replayAll()).isEmpty();
            assertThat(ledger.size()).isEqualTo(1);
        }
    }

    @Test
    void aPayloadThatCannotBecomeAReadingStaysWithTheReason() {
        try (Ledger ledger = Ledger.open(data)) {
            long id = ledger.deadLetters().record("m1", "modbus:10.0.0.5:502/1", "sentinel register", new byte[] {(byte) 0xff, 0x7f}).id();

            DeadLetters.Replay replay = ledger.deadLetters().replay(id);

            assertThat(replay.outcome()).isEqualTo(DeadLetters.Replay.Outcome.NOT_REPLAYABLE);
            assertThat(replay.reason()).contains("measurement is not valid JSON");
            assertThat(ledger.deadLetters().list(1)).singleElement().satisfies(letter -> assertThat(letter.replayed()).isNull());
            assertThat(ledger.size()).isZero();
        }
    }

    @Test
    void aDownMeasurementWithoutHistoryIsNotReplayable() {
        try (Ledger ledger = Ledger.open(data)) {
            byte[] down = json("{\"meter\":\"m9\",\"time\":\"2026-11-24T12:00:00Z\",\"down\":true,\"source\":\"api\"}");
            long id = ledger.deadLetters().record("m9", "api", "meter down", down).id();

            assertThat(ledger.deadLetters().replay(id).reason()).contains("nothing is recorded rather than 0 Wh");
        }
    }

    @Test
    void replayAllAppendsInTheOrderTheLettersWereRecorded() {
        try (Ledger ledger = Ledger.open(data)) {
            for (int i = 0; i < 2_500; i++) {
                ledger.deadLetters().record("m1", "api", "late", json("{\"meter\":\"m1\",\"time\":\"" + Instant.parse("2026-11-24T12:00:00Z").plusSeconds(i) + "\",\"energyWh\":"
                        + (1000 + i) + ",\"source\":\"api\"}"));
            }
            ledger.deadLetters().record(null, "config", "bad config", null);

            var replays = ledger.deadLetters().replayAll();

            assertThat(replays).hasSize(2_501);
            assertThat(replays).filteredOn(DeadLetters.Replay::ok).hasSize(2_500);
            assertThat(replays.get(2_500).reason()).contains("it has no payload");
            assertThat(ledger.find("m1", 2_499)).get().satisfies(entry -> assertThat(entry.document().reading().energyWh()).isEqualTo(3499));
        }
    }

    @Test
    void anUnknownIdIsAnError() {
        try (Ledger ledger = Ledger.open(data)) {
            assertThatThrownBy(() -> ledger.deadLetters().replay(42)).isInstanceOf(LedgerException.class).hasMessage("no dead letter with id 42");
        }
    }

    @Test
    void atTheLimitTheOldestReplayedLettersArePrunedFirst() {
        try (Ledger ledger = Ledger.open(data, new LedgerLimits(3, 0))) {
            DeadLetters letters = ledger.deadLetters();
            long replayed = letters.record("m1", "api", "a", MEASUREMENT).id();
            letters.replay(replayed);
            long unreplayed = letters.record("m2", "api", "b", null).id();
            letters.record("m3", "api", "c", null);

            letters.record("m4", "api", "d", null);

            assertThat(letters.list(10)).extracting(DeadLetter::meter).containsExactly("m4", "m3", "m2");
            assertThat(letters.list(10)).extracting(DeadLetter::id).contains(unreplayed).doesNotContain(replayed);
            assertThat(letters.count()).isEqualTo(3);
        }
    }

    @Test
    void atTheLimitWithNothingReplayedANewLetterIsRefusedAndNoneDropped() {
        try (Ledger ledger = Ledger.open(data, new LedgerLimits(2, 0))) {
            DeadLetters letters = ledger.deadLetters();
            letters.record("m1", "api", "a", null);
            letters.record("m2", "api", "b", null);

            assertThatThrownBy(() -> letters.record("m3", "api", "c", null))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("the dead-letter store is full: 2 dead letters, none of them replayed (limit 2)");
            assertThat(letters.list(10)).extracting(DeadLetter::meter).containsExactly("m2", "m1");
            // The refusal is the letter's alone: the ledger keeps accepting readings.
            assertThat(ledger.appendAndWait(Measurement.of("m1", Instant.parse("2026-11-24T12:00:00Z"), 1, "api")).seq()).isZero();
        }
    }

    @Test
    void theCountKeptForTheLimitFollowsDeletesMadeOutsideTheLedger() throws Exception {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.deadLetters().record("m1", "api", "a", null);
            ledger.deadLetters().record("m2", "api", "b", null);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ledger.db"));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dead_letter WHERE meter = 'm1'");
        }
        try (Ledger ledger = Ledger.open(data)) {
            assertThat(ledger.deadLetters().count()).isEqualTo(1);
        }
    }

    @Test
    void aLedgerCreatedBeforeTheReplayColumnsGainsThemWhenOpened() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ledger.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE dead_letter (id INTEGER PRIMARY KEY, recorded_at INTEGER NOT NULL, meter TEXT, "
                    + "source TEXT NOT NULL, reason TEXT NOT NULL, payload BLOB)");
            statement.execute("INSERT INTO dead_letter (recorded_at, meter, source, reason, payload) VALUES (1, 'm1', 'api', 'old', NULL)");
            statement.execute("PRAGMA user_version = 1");
        }
        try (Ledger ledger = Ledger.open(data)) {
            assertThat(ledger.deadLetters().count()).isEqualTo(1);
            assertThat(ledger.deadLetters().list(10)).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo("old");
                assertThat(letter.replayed()).isNull();
            });
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
