package org.energyweb.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The outbox: the recorded state of every later hop of every reading. A hop records a state only
 * after it happened, so a restart resumes each reading from its last recorded state. Reads go
 * through the reading_hop view, which adds the states readings take from their Merkle batch.
 */
public final class Hops {

    /** The state of a reading a hop gave up on; its dead letter can send it to the hop again. */
    public static final String DEAD = "dead";
    /**
     * The hop whose rows are the transparency log's checkpoint anchor transactions, keyed by the checkpoint's tree
     * size rather than by reading position: like {@link Batches#TRANSACTION_HOP}, the counts over readings leave it out.
     */
    public static final String CHECKPOINT_TRANSACTION_HOP = "checkpoint-tx";

    private final LedgerAppender appender;
    private final LedgerReader reader;

    Hops(LedgerAppender appender, LedgerReader reader) {
        this.appender = appender;
        this.reader = reader;
    }

    /** Records a state; the future completes when it is committed. */
    public CompletableFuture<Void> record(long position, String hop, String state, String detail) {
        return appender.write(statements -> upsert(statements, position, hop, state, detail));
    }

    static void upsert(Writer.Statements statements, long position, String hop, String state, String detail) throws SQLException {
        PreparedStatement upsert = statements.upsertHop;
        upsert.setString(1, hop);
        upsert.setLong(2, position);
        upsert.setString(3, state);
        upsert.setString(4, detail);
        upsert.setLong(5, System.currentTimeMillis());
        upsert.executeUpdate();
    }

    public void recordAndWait(long position, String hop, String state, String detail) {
        LedgerAppender.await(record(position, hop, state, detail));
    }

    public Optional<HopState> state(long position, String hop) {
        return reader.withReader(connection -> state(connection, position, hop));
    }

    /** A reading's state on a hop, read without the folder's lock, so a running gateway may keep it. */
    public static Optional<HopState> stateReadOnly(Path dataDir, long position, String hop) {
        return LedgerReader.read(dataDir.toAbsolutePath().normalize(), connection -> state(connection, position, hop));
    }

    private static Optional<HopState> state(Connection connection, long position, String hop) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, detail, updated_at FROM reading_hop WHERE hop = ? AND position = ?")) {
            select.setString(1, hop);
            select.setLong(2, position);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new HopState(hop, position, rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                        : Optional.<HopState>empty();
            }
        }
    }

    /**
     * Readings after {@code afterPosition}, in append order, whose state on {@code hop} is not one
     * of {@code finalStates} (no state recorded counts as pending). Reads the hop table itself: this
     * is the outbox's hot path, and batched readings are formed into batches, never emitted by an outbox.
     */
    public List<LedgerEntry> pending(String hop, Collection<String> finalStates, long afterPosition, int limit) {
        String placeholders = String.join(",", java.util.Collections.nCopies(Math.max(1, finalStates.size()), "?"));
        String sql = "SELECT r.position, r.document FROM reading r WHERE r.position > ? AND NOT EXISTS ("
                + "SELECT 1 FROM hop h WHERE h.hop = ? AND h.position = r.position AND h.state IN (" + placeholders + ")) "
                + "ORDER BY r.position LIMIT ?";
        return reader.withReader(connection -> {
            List<LedgerEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = 1;
                select.setLong(i++, afterPosition);
                select.setString(i++, hop);
                if (finalStates.isEmpty()) {
                    select.setString(i++, "");
                }
                for (String state : finalStates) {
                    select.setString(i++, state);
                }
                select.setInt(i, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new LedgerEntry(rs.getLong(1), org.energyweb.reading.ReadingDocument.parse(rs.getBytes(2))));
                    }
                }
            }
            return entries;
        });
    }

    /** How many readings have no state in {@code finalStates} on {@code hop}. */
    public long countPending(String hop, Collection<String> finalStates) {
        String placeholders = String.join(",", java.util.Collections.nCopies(Math.max(1, finalStates.size()), "?"));
        return reader.withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT (SELECT COUNT(*) FROM reading) - "
                    + "(SELECT COUNT(*) FROM reading_hop WHERE hop = ? AND state IN (" + placeholders + "))")) {
                int i = 1;
                select.setString(i++, hop);
                if (finalStates.isEmpty()) {
                    select.setString(i, "");
                }
                for (String state : finalStates) {
                    select.setString(i++, state);
                }
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The recorded states on {@code hop} of those of {@code positions} that have one, in one query. */
    public Map<Long, HopState> states(String hop, Collection<Long> positions) {
        Map<Long, HopState> found = new LinkedHashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(positions.size(), "?"));
        return reader.withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT position, state, detail, updated_at FROM reading_hop "
                    + "WHERE hop = ? AND position IN (" + placeholders + ")")) {
                int i = 1;
                select.setString(i++, hop);
                for (long position : positions) {
                    select.setLong(i++, position);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), new HopState(hop, rs.getLong(1), rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
            }
            return found;
        });
    }

    /** Every recorded state of {@code hop} that is one of {@code states}, in ledger order. */
    public List<HopState> withState(String hop, Collection<String> states) {
        return reader.withReader(connection -> withState(connection, hop, states));
    }

    /** {@link #withState}, read without the folder's lock, so a running gateway may keep it. */
    public static List<HopState> withStateReadOnly(Path dataDir, String hop, Collection<String> states) {
        return LedgerReader.read(dataDir.toAbsolutePath().normalize(), connection -> withState(connection, hop, states));
    }

    private static List<HopState> withState(Connection connection, String hop, Collection<String> states) throws SQLException {
        String placeholders = String.join(",", java.util.Collections.nCopies(Math.max(1, states.size()), "?"));
        List<HopState> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT position, state, detail, updated_at FROM reading_hop "
                + "WHERE hop = ? AND state IN (" + placeholders + ") ORDER BY position")) {
            int i = 1;
            select.setString(i++, hop);
            if (states.isEmpty()) {
                select.setString(i, "");
            }
            for (String state : states) {
                select.setString(i++, state);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new HopState(hop, rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        }
        return found;
    }

    /** How many readings are in each recorded state of {@code hop}. */
    public Map<String, Long> countByState(String hop) {
        return reader.withReader(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT state, COUNT(*) FROM reading_hop WHERE hop = ? GROUP BY state ORDER BY state")) {
                select.setString(1, hop);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }
}
