package org.energyweb.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The ledger's tables. One database per data folder; the ledger is also the outbox of every later hop. */
final class Schema {

    static final int VERSION = 3;

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
        // The state of each later hop (ipfs, chain...) of each reading: the outbox. Position is the
        // reading's, except on hop anchor-tx (Batches.TRANSACTION_HOP), whose rows are the Merkle
        // batches' transactions by batch id, and on hop checkpoint-tx (Hops.CHECKPOINT_TRANSACTION_HOP),
        // the log checkpoints' by tree size; what counts or joins readings leaves those hops out.
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
          payload BLOB,
          replayed_at INTEGER,
          replayed_meter TEXT,
          replayed_seq INTEGER,
          hop TEXT,
          position INTEGER)""",
        // Row counts kept by triggers in the writing transaction: exact, and O(1) to read at every insert.
        """
        CREATE TABLE IF NOT EXISTS row_count (
          name TEXT PRIMARY KEY,
          value INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS setting (
          name TEXT PRIMARY KEY,
          value TEXT NOT NULL)""",
        // One past the highest transaction nonce allocated per signing account ("chainId:address"),
        // so a restart neither reuses nor skips a nonce.
        """
        CREATE TABLE IF NOT EXISTS nonce (
          account TEXT PRIMARY KEY,
          next INTEGER NOT NULL) WITHOUT ROWID""",
        // Merkle batches: consecutive ledger positions [first_position, last_position] anchored by
        // one root. Recorded before anything is sent, so a restart resumes the same batch.
        """
        CREATE TABLE IF NOT EXISTS batch (
          id INTEGER PRIMARY KEY,
          first_position INTEGER NOT NULL,
          last_position INTEGER NOT NULL,
          size INTEGER NOT NULL,
          leaf_kind TEXT NOT NULL,
          root BLOB NOT NULL UNIQUE,
          state TEXT NOT NULL,
          manifest_cid TEXT,
          detail TEXT,
          updated_at INTEGER NOT NULL)"""
    };

    /**
     * Columns added to tables of ledgers created before them: (table, column, definition). A
     * guarded ALTER TABLE keeps those ledgers readable without a schema version step.
     */
    private static final String[][] ADDED_COLUMNS = {
        {"dead_letter", "replayed_at", "INTEGER"},
        {"dead_letter", "replayed_meter", "TEXT"},
        {"dead_letter", "replayed_seq", "INTEGER"},
        // A reading in the ledger that a later hop gave up on: the hop and the reading's position.
        {"dead_letter", "hop", "TEXT"},
        {"dead_letter", "position", "INTEGER"},
    };

    private static final String[] INDEXES = {
        // Status counts readings per hop and state, and the age of the oldest in each, from this index alone.
        "CREATE INDEX IF NOT EXISTS hop_state ON hop (hop, state, updated_at)",
        // Replay walks the unreplayed letters; pruning at the limit takes the oldest replayed ones.
        "CREATE INDEX IF NOT EXISTS dead_letter_unreplayed ON dead_letter (id) WHERE replayed_at IS NULL",
        "CREATE INDEX IF NOT EXISTS dead_letter_replayed ON dead_letter (id) WHERE replayed_at IS NOT NULL",
        // A letter recorded once per input (DeadLetters.recordOnce) is looked up among its source's letters only.
        "CREATE INDEX IF NOT EXISTS dead_letter_source ON dead_letter (source)",
        // A proof looks up the batch holding a reading's position.
        "CREATE INDEX IF NOT EXISTS batch_last_position ON batch (last_position)",
        // "Was my reading anchored?" by a document's SHA-256 (status page, lookup) without a scan. Created on
        // open, so an existing ledger gets it too; an older Energyweb reads the ledger as before, hence no new version.
        "CREATE INDEX IF NOT EXISTS reading_sha256 ON reading (sha256)",
    };

    /**
     * The state of every reading on every hop, as the outbox, status and proofs read it: the hop
     * table's rows (asked for by hop; on {@value Batches#TRANSACTION_HOP} they are batches), and for each reading inside a Merkle batch its batch's state on hop
     * {@value Batches#READING_HOP}. Derived rather than stored, so forming or confirming a batch of a
     * million readings writes one row, not a million.
     */
    private static final String READING_HOP_VIEW = """
        CREATE VIEW reading_hop (hop, position, state, detail, updated_at) AS
          SELECT hop, position, state, detail, updated_at FROM hop
          UNION ALL
          SELECT '%s', r.position, %s,
                 json_set(COALESCE(b.detail, '{}'), '$.batch', b.id, '$.root', lower(hex(b.root))),
                 b.updated_at
          FROM batch b JOIN reading r ON r.position BETWEEN b.first_position AND b.last_position""".formatted(
            Batches.READING_HOP, Batches.READING_STATE);

    private static final String[] TRIGGERS = {
        """
        CREATE TRIGGER IF NOT EXISTS dead_letter_counted_in AFTER INSERT ON dead_letter BEGIN
          UPDATE row_count SET value = value + 1 WHERE name = 'dead_letter'; END""",
        """
        CREATE TRIGGER IF NOT EXISTS dead_letter_counted_out AFTER DELETE ON dead_letter BEGIN
          UPDATE row_count SET value = value - 1 WHERE name = 'dead_letter'; END""",
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
            for (String[] added : ADDED_COLUMNS) {
                if (!hasColumn(statement, added[0], added[1])) {
                    statement.execute("ALTER TABLE " + added[0] + " ADD COLUMN " + added[1] + " " + added[2]);
                }
            }
            for (String index : INDEXES) {
                statement.execute(index);
            }
            // Counted once when the counter is new (an older ledger), then kept by the triggers.
            statement.execute("INSERT OR IGNORE INTO row_count (name, value) SELECT 'dead_letter', COUNT(*) FROM dead_letter");
            for (String trigger : TRIGGERS) {
                statement.execute(trigger);
            }
            if (version < 2) {
                // Schema 1 stored each batched reading's state as a row; schema 2 derives it from its batch.
                statement.execute("DELETE FROM hop WHERE hop = '" + Batches.READING_HOP + "'");
            }
            if (version < 3) {
                // Schema 2 kept a batch's transaction at its negated id, out of the readings' way by sign.
                statement.execute("UPDATE hop SET position = -position WHERE hop = '" + Batches.TRANSACTION_HOP + "' AND position < 0");
            }
            // Recreated on every open, so a ledger always reads through this version's definition.
            statement.execute("DROP VIEW IF EXISTS reading_hop");
            statement.execute(READING_HOP_VIEW);
            statement.execute("PRAGMA user_version = " + VERSION);
        }
    }

    private static boolean hasColumn(Statement statement, String table, String column) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
