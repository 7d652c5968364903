package org.energyweb.ledger;

import org.energyweb.reading.ReadingDocument;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the ledger of a data folder on connections of its own, never the writer's, so reads see
 * what is committed and a running gateway may keep writing meanwhile. A reader that comes while a
 * gateway is still creating the file waits for it a moment.
 */
final class LedgerReader {

    /** How long a reader waits for a ledger a gateway is creating (its first moments) before it says so. */
    private static final Duration CREATION_GRACE = Duration.ofSeconds(3);

    private final Path dataDir;

    LedgerReader(Path dataDir) {
        this.dataDir = dataDir;
    }

    Optional<LedgerEntry> find(String meter, long seq) {
        return query("SELECT position, document FROM reading WHERE meter = ? AND seq = ?", statement -> {
            statement.setString(1, meter);
            statement.setLong(2, seq);
        }).stream().findFirst();
    }

    /** See {@link Ledger#findBySha256}. */
    Optional<LedgerEntry> findBySha256(byte[] sha256) {
        return query("SELECT position, document FROM reading WHERE sha256 = ?", statement -> statement.setBytes(1, sha256))
                .stream().findFirst();
    }

    Optional<LedgerEntry> at(long position) {
        return query("SELECT position, document FROM reading WHERE position = ?", statement -> statement.setLong(1, position))
                .stream().findFirst();
    }

    /** See {@link Ledger#after}. */
    List<LedgerEntry> after(long afterPosition, int limit) {
        return query("SELECT position, document FROM reading WHERE position > ? ORDER BY position LIMIT ?", statement -> {
            statement.setLong(1, afterPosition);
            statement.setInt(2, limit);
        });
    }

    /** How many readings come before {@code position} in append order: the reading's leaf index in the transparency log. */
    long countBefore(long position) {
        return withReader(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM reading WHERE position < ?")) {
                statement.setLong(1, position);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** See {@link Ledger#forEachByMeter}. */
    void forEachByMeter(Consumer<LedgerEntry> visitor) {
        try (Connection connection = Database.openReader(dataDir);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT position, document FROM reading ORDER BY meter, seq")) {
            while (rs.next()) {
                visitor.accept(new LedgerEntry(rs.getLong(1), ReadingDocument.parse(rs.getBytes(2))));
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read the ledger in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<LedgerEntry> query(String sql, Binder binder) {
        List<LedgerEntry> entries = new ArrayList<>();
        withReader(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new LedgerEntry(rs.getLong(1), ReadingDocument.parse(rs.getBytes(2))));
                    }
                }
            }
            return null;
        });
        return entries;
    }

    interface ReadWork<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T withReader(ReadWork<T> work) {
        return read(dataDir, work);
    }

    /**
     * Reads the ledger of {@code dataDir} without opening it for writing, so a running gateway may
     * keep the folder meanwhile.
     */
    static <T> T read(Path dataDir, ReadWork<T> work) {
        if (!Files.isRegularFile(dataDir.resolve(Database.FILE_NAME))) {
            throw new LedgerException("no ledger in " + dataDir.toAbsolutePath() + " (" + Database.FILE_NAME + " is missing)");
        }
        long deadline = System.nanoTime() + CREATION_GRACE.toNanos();
        while (true) {
            try (Connection connection = Database.openReader(dataDir)) {
                return work.run(connection);
            } catch (SQLException e) {
                if (!beingCreated(e)) {
                    throw unreadable(dataDir, e);
                }
                if (System.nanoTime() > deadline) {
                    throw new LedgerException("the ledger in " + dataDir + " is not ready to be read yet: a gateway is still creating it;"
                            + " try again in a moment (SQLite: " + e.getMessage() + ")", e);
                }
            }
            try {
                Thread.sleep(CREATION_GRACE.toMillis() / 20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException("interrupted while waiting for the ledger in " + dataDir + " to be created", e);
            }
        }
    }

    /**
     * A ledger in its first moments: the writer has created the file but not switched it to WAL yet
     * (a read-only connection cannot do that for it: SQLITE_READONLY), or not committed its tables.
     */
    private static boolean beingCreated(SQLException e) {
        return e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code
                || String.valueOf(e.getMessage()).contains("no such table: reading");
    }

    private static LedgerException unreadable(Path dataDir, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("no such column") || message.contains("no such table")) {
            return new LedgerException("the ledger in " + dataDir + " was written by an earlier Energyweb and lacks "
                    + "the dead-letter and status columns; open it once for writing (energyweb run, demo or dlq replay) to add them", e);
        }
        return new LedgerException("cannot read the ledger in " + dataDir + ": " + e.getMessage(), e);
    }
}
