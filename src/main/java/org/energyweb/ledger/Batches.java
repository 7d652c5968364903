package org.energyweb.ledger;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Merkle batches of a data folder. A batch covers consecutive ledger positions after the last
 * batched one, so no reading can be in two batches. Its readings are not written one by one: each
 * reads its batch's state on hop {@link #READING_HOP}.
 */
public final class Batches {

    /** The hop on which every reading of a batch has its batch's state (see the reading_hop view). */
    public static final String READING_HOP = "anchor";
    /**
     * The hop whose rows are the batches' anchor transactions, keyed by batch id rather than by
     * reading position: the counts and views over readings leave it out.
     */
    public static final String TRANSACTION_HOP = "anchor-tx";
    /** A reading's state on {@link #READING_HOP} while its batch is formed but not yet confirmed or dead. */
    public static final String BATCHED = "batched";
    /** Batch state, and the state of its readings: the anchor transaction is confirmed. */
    public static final String CONFIRMED = "confirmed";
    /** Batch state, and the state of its readings: the anchor transaction was refused. */
    public static final String DEAD = "dead";
    /** SQL: the state on {@link #READING_HOP} of the readings of batch {@code b}. */
    static final String READING_STATE = "CASE WHEN b.state IN ('" + CONFIRMED + "', '" + DEAD + "') THEN b.state ELSE '" + BATCHED + "' END";

    private static final String COLUMNS = "id, first_position, last_position, size, leaf_kind, root, state, manifest_cid, detail";

    private final Path dataDir;
    /** Null when reading a folder another process may be writing. */
    private final LedgerAppender appender;

    Batches(Path dataDir, LedgerAppender appender) {
        this.dataDir = dataDir;
        this.appender = appender;
    }

    /** Reads the batches of {@code dataDir} without locking it, so a running gateway may keep it. */
    public static Batches readOnly(Path dataDir) {
        return new Batches(dataDir.toAbsolutePath().normalize(), null);
    }

    /** The position of the last reading in any batch; 0 when there is none. */
    public long lastBatchedPosition() {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(last_position), 0) FROM batch");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The first id a new batch may take. */
    public long nextId() {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM batch");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Readings after {@code afterPosition} in ledger order, up to {@code limit}, with their stored digests. */
    public List<ReadingDigest> digestsAfter(long afterPosition, int limit) {
        return digests("SELECT position, meter, seq, sha256, appended_at FROM reading WHERE position > ? ORDER BY position LIMIT ?",
                afterPosition, limit);
    }

    /** The readings of positions [first, last] in ledger order, with their stored digests. */
    public List<ReadingDigest> digestsBetween(long first, long last) {
        return digests("SELECT position, meter, seq, sha256, appended_at FROM reading WHERE position BETWEEN ? AND ? ORDER BY position",
                first, last);
    }

    private List<ReadingDigest> digests(String sql, long a, long b) {
        return read(connection -> {
            List<ReadingDigest> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, a);
                select.setLong(2, b);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(new ReadingDigest(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4), rs.getLong(5)));
                    }
                }
            }
            return found;
        });
    }

    /** The reading documents of positions [first, last] in ledger order. */
    public List<LedgerEntry> readingsBetween(long first, long last) {
        return entries("SELECT position, document FROM reading WHERE position BETWEEN ? AND ? ORDER BY position", first, last);
    }

    /** The ledger entry of a meter's reading, read without the folder's lock. */
    public Optional<LedgerEntry> reading(String meter, long seq) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT position, document FROM reading WHERE meter = ? AND seq = ?")) {
                select.setString(1, meter);
                select.setLong(2, seq);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new LedgerEntry(rs.getLong(1), org.energyweb.reading.ReadingDocument.parse(rs.getBytes(2))))
                            : Optional.<LedgerEntry>empty();
                }
            }
        });
    }

    private List<LedgerEntry> entries(String sql, long a, long b) {
        return read(connection -> {
            List<LedgerEntry> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, a);
                select.setLong(2, b);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(new LedgerEntry(rs.getLong(1), org.energyweb.reading.ReadingDocument.parse(rs.getBytes(2))));
                    }
                }
            }
            return found;
        });
    }

    public Optional<BatchRecord> byId(long id) {
        return one("SELECT " + COLUMNS + " FROM batch WHERE id = ?", id);
    }

    /** The batch whose positions include {@code position}. */
    public Optional<BatchRecord> containing(long position) {
        return one("SELECT " + COLUMNS + " FROM batch WHERE last_position >= ? ORDER BY last_position LIMIT 1", position)
                .filter(batch -> batch.firstPosition() <= position);
    }

    /** Batches whose state is not one of {@code finalStates}, oldest first. */
    public List<BatchRecord> unfinished(Collection<String> finalStates) {
        String placeholders = String.join(",", java.util.Collections.nCopies(Math.max(1, finalStates.size()), "?"));
        return read(connection -> {
            List<BatchRecord> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM batch WHERE state NOT IN (" + placeholders + ") ORDER BY id")) {
                int i = 1;
                if (finalStates.isEmpty()) {
                    select.setString(i, "");
                }
                for (String state : finalStates) {
                    select.setString(i++, state);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(batch(rs));
                    }
                }
            }
            return found;
        });
    }

    /** The id and size of each batch after {@code afterId}, by id, at most {@code limit}: {@code [id, size]} pairs. */
    public List<long[]> sizesAfter(long afterId, int limit) {
        return read(connection -> {
            List<long[]> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, size FROM batch WHERE id > ? ORDER BY id LIMIT ?")) {
                select.setLong(1, afterId);
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            return found;
        });
    }

    /** The number of batches in each state. */
    public java.util.Map<String, Long> countByState() {
        return read(connection -> {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT state, COUNT(*) FROM batch GROUP BY state");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private Optional<BatchRecord> one(String sql, long value) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, value);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(batch(rs)) : Optional.<BatchRecord>empty();
                }
            }
        });
    }

    private static BatchRecord batch(ResultSet rs) throws SQLException {
        return new BatchRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getBytes(6),
                rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /**
     * Records a new batch. Fails when a reading of it is already batched (its range overlaps an
     * earlier batch) or its root is already recorded.
     */
    public CompletableFuture<Void> form(BatchRecord batch) {
        return writer().write(statements -> {
            try (PreparedStatement overlap = statements.connection.prepareStatement(
                    "SELECT COUNT(*) FROM batch WHERE last_position >= ?")) {
                overlap.setLong(1, batch.firstPosition());
                try (ResultSet rs = overlap.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new LedgerException("positions from " + batch.firstPosition() + " are already in a batch");
                    }
                }
            }
            long now = System.currentTimeMillis();
            try (PreparedStatement insert = statements.connection.prepareStatement("INSERT INTO batch (" + COLUMNS
                    + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, batch.id());
                insert.setLong(2, batch.firstPosition());
                insert.setLong(3, batch.lastPosition());
                insert.setLong(4, batch.size());
                insert.setString(5, batch.leafKind());
                insert.setBytes(6, batch.root());
                insert.setString(7, batch.state());
                insert.setString(8, batch.manifestCid());
                insert.setString(9, batch.detail());
                insert.setLong(10, now);
                insert.executeUpdate();
            }
        });
    }

    /** Moves a batch to {@code state}; the manifest CID and detail are kept when given as null. */
    public CompletableFuture<Void> advance(long id, String state, String manifestCid, String detail) {
        return writer().write(statements -> update(statements, id, state, manifestCid, detail, System.currentTimeMillis()));
    }

    private static void update(Writer.Statements statements, long id, String state, String manifestCid, String detail, long now)
            throws SQLException {
        try (PreparedStatement update = statements.connection.prepareStatement("UPDATE batch SET state = ?, "
                + "manifest_cid = COALESCE(?, manifest_cid), detail = COALESCE(?, detail), updated_at = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setString(2, manifestCid);
            update.setString(3, detail);
            update.setLong(4, now);
            update.setLong(5, id);
            if (update.executeUpdate() != 1) {
                throw new LedgerException("no batch " + id);
            }
        }
    }

    private LedgerAppender writer() {
        if (appender == null) {
            throw new IllegalStateException("the batches of " + dataDir + " were opened read-only");
        }
        return appender;
    }

    private <T> T read(LedgerReader.ReadWork<T> work) {
        return LedgerReader.read(dataDir, work);
    }
}
