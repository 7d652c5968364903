package org.energyweb.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the readings of a data folder stand: per meter and in total, how many are in each recorded
 * state of each hop (a reading with no state on a hop is {@code pending} there), the oldest pending
 * reading per hop, the dead letters, and the last anchored block.
 *
 * <p>The hops and states are whatever the reading_hop view holds (the hop table, and the readings
 * of Merkle batches on hop {@code anchor}) but the batches' own transactions (hop {@code anchor-tx},
 * keyed by batch id) and the log checkpoints' (hop {@code checkpoint-tx}, keyed by tree size), so a new hop shows without a change here. The last
 * anchored block follows the convention of the anchoring hops: on hop {@code chain} (one
 * transaction per reading) states {@code mined} and {@code confirmed}, and a confirmed batch,
 * carry a JSON detail with the block number as {@code block}.
 */
public record LedgerStatus(Instant time, Counts total, Map<String, Counts> meters, Map<String, OldestPending> oldestPending,
                           long deadLetters, long unreplayedDeadLetters, Long lastAnchoredBlock) {

    /** The state a reading is in on a hop that recorded nothing for it. */
    public static final String PENDING = "pending";

    /**
     * @param hops per hop, the number of readings in each state, {@link #PENDING} included
     */
    public record Counts(long readings, Map<String, Map<String, Long>> hops) {
    }

    /** The reading waiting longest for a hop (the one appended first among those without a state there). */
    public record OldestPending(long position, String meter, long seq, Instant appendedAt) {

        public Duration age(Instant now) {
            return Duration.between(appendedAt, now);
        }
    }

    /** Reads the status without locking the folder, so a gateway may be writing it meanwhile. */
    public static LedgerStatus read(Path dataDir) {
        return LedgerReader.read(dataDir, LedgerStatus::read);
    }

    private static LedgerStatus read(Connection connection) throws SQLException {
        // One read transaction, so every figure describes the same moment while a gateway writes.
        connection.setAutoCommit(false);
        try {
            Instant now = Instant.now();
            Map<String, Long> readings = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT meter, COUNT(*) FROM reading GROUP BY meter")) {
                while (rs.next()) {
                    readings.put(rs.getString(1), rs.getLong(2));
                }
            }
            Map<String, Map<String, Map<String, Long>>> states = new TreeMap<>();
            Map<String, Map<String, Long>> totalStates = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 // The hop table's rows but the batches' and checkpoints' transactions, and the batched readings by range: what
                 // the reading_hop view gives, in two passes that each walk an index instead of joining the view row by row.
                 ResultSet rs = statement.executeQuery("SELECT r.meter, h.hop, h.state, COUNT(*) FROM hop h "
                         + "JOIN reading r ON r.position = h.position WHERE h.hop NOT IN ('" + Batches.TRANSACTION_HOP + "', '"
                         + Hops.CHECKPOINT_TRANSACTION_HOP + "') "
                         + "GROUP BY r.meter, h.hop, h.state "
                         + "UNION ALL SELECT r.meter, '" + Batches.READING_HOP + "', " + Batches.READING_STATE + ", COUNT(*) FROM batch b "
                         + "JOIN reading r ON r.position BETWEEN b.first_position AND b.last_position GROUP BY r.meter, 3")) {
                while (rs.next()) {
                    String meter = rs.getString(1), hop = rs.getString(2), state = rs.getString(3);
                    long count = rs.getLong(4);
                    states.computeIfAbsent(meter, m -> new TreeMap<>()).computeIfAbsent(hop, h -> new TreeMap<>()).merge(state, count, Long::sum);
                    totalStates.computeIfAbsent(hop, h -> new TreeMap<>()).merge(state, count, Long::sum);
                }
            }
            Map<String, Counts> meters = new TreeMap<>();
            readings.forEach((meter, count) -> meters.put(meter, withPending(count, totalStates.keySet(), states.getOrDefault(meter, Map.of()))));
            long totalReadings = readings.values().stream().mapToLong(Long::longValue).sum();
            Counts total = withPending(totalReadings, totalStates.keySet(), totalStates);
            Map<String, OldestPending> oldest = new TreeMap<>();
            for (Map.Entry<String, Map<String, Long>> hop : total.hops().entrySet()) {
                if (hop.getValue().get(PENDING) > 0) {
                    oldestPending(connection, hop.getKey()).ifPresent(found -> oldest.put(hop.getKey(), found));
                }
            }
            return new LedgerStatus(now, total, meters, oldest, single(connection, "SELECT value FROM row_count WHERE name = 'dead_letter'"),
                    single(connection, "SELECT COUNT(*) FROM dead_letter WHERE replayed_at IS NULL"), lastAnchoredBlock(connection));
        } finally {
            connection.rollback();
        }
    }

    private static Counts withPending(long readings, Iterable<String> hops, Map<String, Map<String, Long>> recorded) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (String hop : hops) {
            Map<String, Long> byState = new TreeMap<>(recorded.getOrDefault(hop, Map.of()));
            long withState = byState.values().stream().mapToLong(Long::longValue).sum();
            byState.put(PENDING, readings - withState);
            counts.put(hop, byState);
        }
        return new Counts(readings, counts);
    }

    /**
     * The first reading in append order without a state on {@code hop}. Hops work through readings
     * roughly in that order, so the scan mostly walks the readings already done, one primary-key
     * probe each. On the batches' hop it is the first reading after the last batch, since batches
     * cover the ledger from its start without a gap.
     */
    private static Optional<OldestPending> oldestPending(Connection connection, String hop) throws SQLException {
        if (hop.equals(Batches.READING_HOP)) {
            return firstReading(connection, "SELECT r.position, r.meter, r.seq, r.appended_at FROM reading r "
                    + "WHERE r.position > (SELECT COALESCE(MAX(last_position), 0) FROM batch) ORDER BY r.position LIMIT 1", null);
        }
        return firstReading(connection, "SELECT r.position, r.meter, r.seq, r.appended_at FROM reading r "
                + "WHERE NOT EXISTS (SELECT 1 FROM hop h WHERE h.hop = ? AND h.position = r.position) ORDER BY r.position LIMIT 1", hop);
    }

    /** The reading {@code sql} selects, given {@code hop} as its parameter when not null. */
    private static Optional<OldestPending> firstReading(Connection connection, String sql, String hop) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (hop != null) {
                select.setString(1, hop);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new OldestPending(rs.getLong(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4))))
                        : Optional.empty();
            }
        }
    }

    private static Long lastAnchoredBlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(CASE WHEN json_valid(detail) AND json_type(detail, '$.block') = 'integer' "
                     + "THEN json_extract(detail, '$.block') END) FROM ("
                     + "SELECT detail FROM hop WHERE hop = 'chain' AND state IN ('mined', 'confirmed') "
                     + "UNION ALL SELECT detail FROM batch WHERE state = '" + Batches.CONFIRMED + "')")) {
            rs.next();
            long block = rs.getLong(1);
            return rs.wasNull() ? null : block;
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
