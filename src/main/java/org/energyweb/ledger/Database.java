package org.energyweb.ledger;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Connections to a data folder's SQLite file, configured for durability (WAL, full sync). */
final class Database {

    static final String FILE_NAME = "ledger.db";

    private Database() {
    }

    static Connection openWriter(Path dataDir) throws SQLException {
        SQLiteConfig config = common();
        // FULL: a commit is on disk when it returns, power loss included, not only a process crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection connection = config.createConnection(url(dataDir));
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * A read-only connection. In a folder this process cannot write (a backup on read-only media, a
     * folder of another user), SQLite cannot create the WAL's shared-memory file; such a ledger is
     * then opened as immutable, which is exact when no -wal file holds commits (a ledger closed
     * cleanly checkpoints its WAL into the file). One whose -wal still holds commits is refused
     * with the reason, rather than read without them.
     */
    static Connection openReader(Path dataDir) throws SQLException {
        if (!Files.isWritable(dataDir.toAbsolutePath())) {
            return openImmutable(dataDir);
        }
        SQLiteConfig config = common();
        config.setReadOnly(true);
        return config.createConnection(url(dataDir));
    }

    private static Connection openImmutable(Path dataDir) throws SQLException {
        Path wal = dataDir.resolve(FILE_NAME + "-wal");
        if (LedgerFile.hasContent(wal)) {
            throw new SQLException(wal + " still holds commits and the folder " + dataDir.toAbsolutePath() + " is read-only here, so they"
                    + " cannot be read; open the ledger once with write access (or copy the folder somewhere writable)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:file:" + dataDir.resolve(FILE_NAME).toAbsolutePath().toUri().getRawPath() + "?immutable=1");
    }

    /**
     * Copies every commit from the WAL into the database file and empties the WAL, waiting (up to
     * the busy timeout) for readers of other processes to let go. After it, {@code ledger.db} alone
     * holds the whole ledger: a backup of that file, or a -wal file lost after the stop, loses
     * nothing. SQLite does this by itself only when the last connection to the file closes, which a
     * reader beside the gateway (a {@code status}) prevents.
     *
     * @return false when a reader kept part of the WAL from being copied (it stays in the -wal file)
     */
    static boolean checkpoint(Connection connection) throws SQLException {
        // In autocommit mode: SQLite refuses to checkpoint from inside a transaction.
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            return result.next() && result.getInt(1) == 0;
        }
    }

    private static SQLiteConfig common() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        config.setCacheSize(-16_000);
        return config;
    }

    private static String url(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
    }
}
