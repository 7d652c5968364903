package org.energyweb.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The durable dead-letter store, in the same database as the ledger, bounded by
 * {@link LedgerLimits#deadLetterMaxRows()}. A dead letter whose payload is measurement JSON can be
 * replayed: appended to the ledger and marked replayed in one transaction, so a crash or a second
 * replay never appends it twice.
 */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final String COLUMNS = "id, recorded_at, meter, source, reason, payload, replayed_at, replayed_meter, replayed_seq, hop, position";
    /** Unreplayed letters read and appended per round of a full replay. */
    private static final int REPLAY_PAGE = 1_000;

    private final LedgerAppender appender;
    private final LedgerReader reader;
    private final LedgerLimits limits;
    private final DeadLetterReplayer replayer;
    /** Whether the 80 % warning was given; touched only by the writer thread. */
    private boolean warnedFilling;

    DeadLetters(LedgerAppender appender, LedgerReader reader, LedgerLimits limits) {
        this.appender = appender;
        this.reader = reader;
        this.limits = limits;
        this.replayer = new DeadLetterReplayer(appender, reader);
    }

    /**
     * Records a dead letter and returns it once committed.
     *
     * @throws LedgerException when the store is at its limit and holds no replayed letter to prune
     */
    public DeadLetter record(String meter, String source, String reason, byte[] payload) {
        Letter letter = new Letter(meter, payload, null, null);
        return record(source, reason, false, statements -> letter).orElseThrow();
    }

    /**
     * {@link #record}, unless the store holds a dead letter of the same source and reason (the same input
     * delivered again): then nothing is recorded. The lookup and the insert are one commit of the writer.
     *
     * @return the letter recorded, or empty when one was held
     * @throws LedgerException when the store is at its limit and holds no replayed letter to prune
     */
    public Optional<DeadLetter> recordOnce(String meter, String source, String reason, byte[] payload) {
        Letter letter = new Letter(meter, payload, null, null);
        return record(source, reason, true, statements -> letter);
    }

    /**
     * Records that {@code hop} gave up on the reading at ledger {@code position} (no asset mapping,
     * a revert, a document the contract refuses): the hop's {@code state} with {@code detail} and a
     * dead letter holding the reading's meter and document, in one commit, so a reading is never
     * given up on without its dead letter. {@link #replay(long)} sends the reading to the hop again.
     * When there is no reading at {@code position} (a hop keyed otherwise, such as a Merkle batch's
     * transaction) the letter has neither payload nor hop and cannot be replayed.
     */
    public DeadLetter recordUndelivered(long position, String hop, String state, String detail, String source, String reason) {
        return record(source, reason, false, statements -> {
            Hops.upsert(statements, position, hop, state, detail);
            return readingAt(statements.connection, position)
                    .map(reading -> new Letter(reading.meter(), reading.payload(), hop, position))
                    .orElse(new Letter(null, null, null, null));
        }).orElseThrow();
    }

    /** What a dead letter holds besides its source and reason. */
    private record Letter(String meter, byte[] payload, String hop, Long position) {
    }

    /** Work done in the dead letter's transaction before it is inserted, telling what the letter holds. */
    private interface BeforeInsert {
        Letter apply(Writer.Statements statements) throws SQLException;
    }

    private static Optional<Letter> readingAt(Connection connection, long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT meter, document FROM reading WHERE position = ?")) {
            select.setLong(1, position);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Letter(rs.getString(1), rs.getBytes(2), null, null)) : Optional.empty();
            }
        }
    }

    private Optional<DeadLetter> record(String source, String reason, boolean once, BeforeInsert before) {
        Instant now = Instant.now();
        CompletableFuture<Optional<DeadLetter>> done = new CompletableFuture<>();
        appender.submit(new WriteJob() {
            long id;
            long rows;
            String refused;
            boolean held;
            Letter letter;

            @Override
            public void apply(Writer.Statements statements) throws SQLException {
                refused = null;
                held = once && isHeld(statements.connection, source, reason);
                if (held) {
                    return;
                }
                rows = rowCount(statements.connection);
                if (rows >= limits.deadLetterMaxRows()) {
                    rows -= pruneReplayed(statements.connection, rows - limits.deadLetterMaxRows() + 1);
                    if (rows >= limits.deadLetterMaxRows()) {
                        refused = "the dead-letter store is full: " + rows + " dead letters, none of them replayed (limit "
                                + limits.deadLetterMaxRows() + "); replay them with energyweb dlq replay or raise the limit";
                        return;
                    }
                }
                letter = before.apply(statements);
                PreparedStatement insert = statements.insertDeadLetter;
                insert.setLong(1, now.toEpochMilli());
                insert.setString(2, letter.meter());
                insert.setString(3, source);
                insert.setString(4, reason);
                insert.setBytes(5, letter.payload());
                insert.setString(6, letter.hop());
                insert.setObject(7, letter.position());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                rows++;
            }

            @Override
            public void committed() {
                if (refused != null) {
                    done.completeExceptionally(new LedgerException(refused + " (refused: " + source + ": " + reason + ")"));
                    return;
                }
                if (held) {
                    done.complete(Optional.empty());
                    return;
                }
                warnWhenFilling(rows);
                done.complete(Optional.of(new DeadLetter(id, now, letter.meter(), source, reason, letter.payload(), null, letter.hop(), letter.position())));
            }

            @Override
            public void failed(Throwable cause) {
                done.completeExceptionally(cause);
            }
        });
        return LedgerAppender.await(done);
    }

    private static boolean isHeld(Connection connection, String source, String reason) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM dead_letter WHERE source = ? AND reason = ? LIMIT 1")) {
            select.setString(1, source);
            select.setString(2, reason);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long rowCount(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM row_count WHERE name = 'dead_letter'");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Deletes the oldest replayed letters, at least {@code needed} and up to 1 % of the limit, so a
     * full store prunes (and logs) once per many letters rather than at every one.
     */
    private long pruneReplayed(Connection connection, long needed) throws SQLException {
        long chunk = Math.max(needed, limits.deadLetterMaxRows() / 100);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dead_letter WHERE id IN "
                + "(SELECT id FROM dead_letter WHERE replayed_at IS NOT NULL ORDER BY id LIMIT ?)")) {
            delete.setLong(1, chunk);
            int pruned = delete.executeUpdate();
            if (pruned > 0) {
                LOG.info("dead-letter store at its limit of {}: pruned the {} oldest replayed dead letters", limits.deadLetterMaxRows(), pruned);
            }
            return pruned;
        }
    }

    private void warnWhenFilling(long rows) {
        if (rows < limits.deadLetterWarningRows()) {
            warnedFilling = false;
        } else if (!warnedFilling) {
            warnedFilling = true;
            LOG.warn("the dead-letter store holds {} of at most {} dead letters; replay or investigate them (energyweb dlq list)",
                    rows, limits.deadLetterMaxRows());
        }
    }

    /** The newest dead letters first, at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        return reader.withReader(connection -> newest(connection, limit));
    }

    /** The newest dead letters of the ledger in {@code dataDir} first, read while a gateway may be writing it. */
    public static List<DeadLetter> list(Path dataDir, int limit) {
        return LedgerReader.read(dataDir, connection -> newest(connection, limit));
    }

    private static List<DeadLetter> newest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            return letters(select);
        }
    }

    private static List<DeadLetter> letters(PreparedStatement select) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long replayedAt = rs.getLong(7);
                DeadLetter.Replayed replayed = rs.wasNull() ? null
                        : new DeadLetter.Replayed(Instant.ofEpochMilli(replayedAt), rs.getString(8), rs.getLong(9));
                long position = rs.getLong(11);
                Long hopPosition = rs.wasNull() ? null : position;
                letters.add(new DeadLetter(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6), replayed, rs.getString(10), hopPosition));
            }
        }
        return letters;
    }

    public long count() {
        return reader.withReader(DeadLetters::rowCount);
    }

    /** What replaying one dead letter did; {@code reason} says why it was not replayed, or how it was (a late reading). */
    public record Replay(long id, Outcome outcome, String meter, Long seq, String reason) {

        public enum Outcome {
            /**
             * Appended now as reading {@code seq} of {@code meter}; or, for a reading a hop gave up on,
             * that reading handed to the hop again.
             */
            REPLAYED,
            /** Appended by an earlier replay; nothing appended again. */
            ALREADY_REPLAYED,
            /** The payload cannot become a reading; the letter stays, {@code reason} says why. */
            NOT_REPLAYABLE
        }

        public boolean ok() {
            return outcome != Outcome.NOT_REPLAYABLE;
        }
    }

    /**
     * Replays one dead letter.
     *
     * @throws LedgerException when there is no dead letter {@code id}
     */
    public synchronized Replay replay(long id) {
        List<DeadLetter> found = reader.withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?")) {
                select.setLong(1, id);
                return letters(select);
            }
        });
        if (found.isEmpty()) {
            throw new LedgerException("no dead letter with id " + id);
        }
        DeadLetter letter = found.get(0);
        if (letter.replayed() != null) {
            return new Replay(id, Replay.Outcome.ALREADY_REPLAYED, letter.replayed().meter(), letter.replayed().seq(), null);
        }
        return LedgerAppender.await(replayer.start(letter, List.of()));
    }

    /**
     * Replays every dead letter not yet replayed, oldest first so each meter's readings keep their
     * order; a page of appends is in flight at a time rather than one commit per letter.
     */
    public synchronized List<Replay> replayAll() {
        List<Replay> replays = new ArrayList<>();
        long afterId = 0;
        while (true) {
            long after = afterId;
            List<DeadLetter> page = reader.withReader(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM dead_letter WHERE replayed_at IS NULL AND id > ? ORDER BY id LIMIT " + REPLAY_PAGE)) {
                    select.setLong(1, after);
                    return letters(select);
                }
            });
            if (page.isEmpty()) {
                return replays;
            }
            List<CompletableFuture<Replay>> started = new ArrayList<>();
            for (DeadLetter letter : page) {
                started.add(replayer.start(letter, started));
            }
            try {
                started.forEach(replay -> replays.add(replay.join()));
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            afterId = page.get(page.size() - 1).id();
        }
    }
}
