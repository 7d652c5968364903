package org.energyweb.ledger;

import org.energyweb.ledger.DeadLetters.Replay;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeasurementJson;
import org.energyweb.reading.UtcTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How one dead letter is replayed: a measurement appended to its meter's chain (or, refused as out of
 * order, placed as a late reading or found already ledgered), a reading a hop gave up on handed to the
 * hop again; each marked replayed in the same commit, so a crash or a second replay never appends twice.
 */
final class DeadLetterReplayer {

    private final LedgerAppender appender;
    private final LedgerReader reader;

    DeadLetterReplayer(LedgerAppender appender, LedgerReader reader) {
        this.appender = appender;
        this.reader = reader;
    }

    /** Starts replaying {@code letter}; {@code inFlight} are the replays started before it, which a late reading waits for. */
    CompletableFuture<Replay> start(DeadLetter letter, List<CompletableFuture<Replay>> inFlight) {
        if (letter.hop() != null) {
            return requeue(letter);
        }
        Measurement measurement;
        try {
            if (letter.payload() == null) {
                throw new IllegalArgumentException("it has no payload");
            }
            measurement = MeasurementJson.parse(letter.payload());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(notReplayable(letter, e));
        }
        if (isLate(measurement)) {
            // Its place is read from the committed chain, so whatever was replayed before it must have committed.
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(failed -> null).join();
            return replayLate(letter, measurement);
        }
        Instant now = Instant.now();
        try {
            return appender.append(measurement, (statements, entry) -> markReplayed(statements.connection, letter.id(), now, entry.meter(), entry.seq()))
                    .thenApply(entry -> new Replay(letter.id(), Replay.Outcome.REPLAYED, entry.meter(), entry.seq(), null));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(notReplayable(letter, e));
        }
    }

    /**
     * A good measurement refused only because it came after a later reading of its meter (a file
     * taken out of order, a delayed upload): not after the meter's newest good reading.
     */
    private boolean isLate(Measurement measurement) {
        return !measurement.down() && measurement.energyWh() != null && appender.appendedHead(measurement.meter())
                .filter(head -> !measurement.time().isAfter(head.goodTime()))
                .isPresent();
    }

    /**
     * Appends a measurement refused as out of order at its chain's head as a late reading, with its own
     * measurement time (the chain stays append-only), once: a measurement the chain already holds is
     * that reading, and the letter is marked replayed as it.
     */
    private CompletableFuture<Replay> replayLate(DeadLetter letter, Measurement measurement) {
        LateReadings.Placement placement;
        try {
            placement = reader.withReader(connection -> LateReadings.place(connection, measurement));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(notReplayable(letter, e));
        }
        Instant now = Instant.now();
        if (placement instanceof LateReadings.Existing existing) {
            return commitReplayed(letter, measurement.meter(), now, statements -> existing.seq(), "the meter's chain already holds it");
        }
        return appender.appendLate(measurement, (statements, entry) -> markReplayed(statements.connection, letter.id(), now, entry.meter(), entry.seq()))
                .thenApply(entry -> new Replay(letter.id(), Replay.Outcome.REPLAYED, entry.meter(), entry.seq(),
                        "late: measured at " + UtcTime.format(measurement.time()) + ", before the meter's newest reading"));
    }

    /**
     * Forgets the hop's "dead" outcome of the letter's reading, so the hop's outbox sends it again
     * (after the cause, such as a missing asset mapping, was fixed), and marks the letter replayed
     * as that reading, in one commit. A reading the hop has meanwhile taken up again is left alone.
     */
    private CompletableFuture<Replay> requeue(DeadLetter letter) {
        return commitReplayed(letter, letter.meter(), Instant.now(), statements -> {
            try (PreparedStatement delete = statements.connection.prepareStatement(
                    "DELETE FROM hop WHERE hop = ? AND position = ? AND state = ?")) {
                delete.setString(1, letter.hop());
                delete.setLong(2, letter.position());
                delete.setString(3, Hops.DEAD);
                delete.executeUpdate();
            }
            try (PreparedStatement select = statements.connection.prepareStatement("SELECT seq FROM reading WHERE position = ?")) {
                select.setLong(1, letter.position());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("dead letter " + letter.id() + " names ledger position " + letter.position()
                                + ", which holds no reading");
                    }
                    return rs.getLong(1);
                }
            }
        }, null);
    }

    /** Which reading of the letter's meter the letter now is, found in the writer's transaction. */
    private interface ReplayedSeq {
        long find(Writer.Statements statements) throws SQLException;
    }

    /** Marks {@code letter} replayed as the reading of {@code meter} that {@code seq} finds, in one commit of the writer. */
    private CompletableFuture<Replay> commitReplayed(DeadLetter letter, String meter, Instant now, ReplayedSeq seq, String note) {
        CompletableFuture<Replay> done = new CompletableFuture<>();
        appender.submit(new WriteJob() {
            long found;

            @Override
            public void apply(Writer.Statements statements) throws SQLException {
                found = seq.find(statements);
                markReplayed(statements.connection, letter.id(), now, meter, found);
            }

            @Override
            public void committed() {
                done.complete(new Replay(letter.id(), Replay.Outcome.REPLAYED, meter, found, note));
            }

            @Override
            public void failed(Throwable cause) {
                done.completeExceptionally(cause);
            }
        });
        return done;
    }

    private static Replay notReplayable(DeadLetter letter, IllegalArgumentException e) {
        return new Replay(letter.id(), Replay.Outcome.NOT_REPLAYABLE, letter.meter(), null, "cannot become a reading: " + e.getMessage());
    }

    private static void markReplayed(Connection connection, long id, Instant at, String meter, long seq) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE dead_letter SET replayed_at = ?, replayed_meter = ?, replayed_seq = ? WHERE id = ? AND replayed_at IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, meter);
            update.setLong(3, seq);
            update.setLong(4, id);
            if (update.executeUpdate() != 1) {
                // Only one process owns the folder and replays are serialised, so this is a broken invariant.
                throw new SQLException("dead letter " + id + " was replayed meanwhile");
            }
        }
    }
}
