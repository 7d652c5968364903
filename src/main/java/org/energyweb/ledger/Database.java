package org.energyweb.ledger;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

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

    static Connection openReader(Path dataDir) throws SQLException {
        SQLiteConfig config = common();
        config.setReadOnly(true);
        return config.createConnection(url(dataDir));
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
