package org.energyweb.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The ledger's tables. One database per data folder; the ledger is also the outbox of every later hop. */
final class Schema {

    static final int VERSION = 1;

    private static final String[] TABLES = {
        // position is the global append order; (meter, seq) is the reading's place in its chain.
        """
        CREATE TABLE IF NOT EXISTS reading (
          position INTEGER PRIMARY KEY,
          meter TEXT NOT NULL,
          seq INTEGER NOT NULL,
          sha256 BLOB NOT NULL,
          document BLOB NOT NULL,
          appended_at INTEGER NOT NULL,
          UNIQUE (meter, seq))""",
        // The state of each later hop (ipfs, chain...) of each reading: the outbox.
        """
        CREATE TABLE IF NOT EXISTS hop (
          hop TEXT NOT NULL,
          position INTEGER NOT NULL,
          state TEXT NOT NULL,
          detail TEXT,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (hop, position)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS dead_letter (
          id INTEGER PRIMARY KEY,
          recorded_at INTEGER NOT NULL,
          meter TEXT,
          source TEXT NOT NULL,
          reason TEXT NOT NULL,
          payload BLOB)""",
        """
        CREATE TABLE IF NOT EXISTS setting (
          name TEXT PRIMARY KEY,
          value TEXT NOT NULL)""",
        // One past the highest transaction nonce allocated per signing account ("chainId:address"),
        // so a restart neither reuses nor skips a nonce.
        """
        CREATE TABLE IF NOT EXISTS nonce (
          account TEXT PRIMARY KEY,
          next INTEGER NOT NULL) WITHOUT ROWID"""
    };

    private Schema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int version = userVersion(statement);
            if (version > VERSION) {
                throw new LedgerException("the ledger was written by a newer Energyweb (schema " + version
                        + ", this one reads up to " + VERSION + ")");
            }
            for (String table : TABLES) {
                statement.execute(table);
            }
            statement.execute("PRAGMA user_version = " + VERSION);
        }
    }

    private static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
