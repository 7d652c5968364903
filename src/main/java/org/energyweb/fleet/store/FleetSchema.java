package org.energyweb.fleet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The anchor service's database schema, versioned: table {@code fleet_schema_version} holds one row per
 * migration applied. Opening a store applies the migrations the database lacks, in order, in the
 * caller's one transaction under a transaction-scoped advisory lock, so workers starting together
 * migrate once (the others wait, then find the database current) and a failed migration leaves the
 * database as it was. A database migrated by a newer release is refused: this code would not know its
 * tables. A database from before the versioning (no version table) runs every migration, each written
 * to be harmless on tables that already have its changes.
 */
final class FleetSchema {

    /** The advisory lock key of schema changes (the one the unversioned releases took too). */
    private static final long LOCK = 4242;

    /** A migration: its check, then its statements, {@code schema/<version>.sql} beside this class. */
    private record Migration(int version, String description, Check before) {

        String sql() {
            String name = "schema/" + version + ".sql";
            try (InputStream in = FleetSchema.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("migration " + name + " is missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + name, e);
            }
        }
    }

    private interface Check {
        void run(Connection connection) throws SQLException;
    }

    /** Released migrations are never edited: databases hold their result. */
    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "the schema of the release before the versioning (1c83be3)", connection -> { }),
            new Migration(2, "fleet_signer to fleet_nonce; fleet_batch tx_state, tx_detail, manifest_cid, no raw_tx",
                    FleetSchema::previousReleaseFinished),
            new Migration(3, "each partition's readings numbered as its log (log_index, fleet_partition.log_size); a batch is a range "
                    + "[first_index, end_index) of it, no batch_id/leaf_index in fleet_reading", connection -> { }));

    /** The version this code works with. */
    static final int CURRENT = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private FleetSchema() {
    }

    /**
     * Brings the database to {@link #CURRENT} in {@code connection}'s transaction (committed by the caller).
     *
     * @throws IllegalStateException when the database is newer than this code, or a migration's check refuses it
     */
    static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            statement.execute("CREATE TABLE IF NOT EXISTS fleet_schema_version (version int PRIMARY KEY, "
                    + "description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        }
        int version = version(connection);
        if (version > CURRENT) {
            throw new IllegalStateException("the anchor service's database is at schema version " + version
                    + ", newer than this release's " + CURRENT + ": run the release that migrated it, or a newer one");
        }
        for (Migration migration : MIGRATIONS) {
            if (migration.version() > version) {
                migration.before().run(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(migration.sql());
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO fleet_schema_version (version, description) VALUES (?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The database's schema version: 0 before any migration. */
    static int version(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT coalesce(max(version), 0) FROM fleet_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The previous release stored a batch's signed transaction ({@code raw_tx}) before broadcasting it, and
     * only it may carry that transaction on: this release's pipeline carries a transaction on from its own
     * record ({@code tx_detail}: call, gas, fees, every hash signed), which signed bytes do not give without
     * guessing. Its anchored batches have no manifest CID (the call carried an empty one), which this
     * release's results carry to the gateways. A batch still {@code signed} (no receipt yet) or {@code anchored} (not
     * yet published) refuses the migration: the previous release finishes it first.
     */
    private static void previousReleaseFinished(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet column = select.executeQuery("SELECT 1 FROM information_schema.columns "
                     + "WHERE table_schema = current_schema() AND table_name = 'fleet_batch' AND column_name = 'raw_tx'")) {
            if (!column.next()) {
                return;
            }
        }
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT count(*), min(id) FROM fleet_batch WHERE state IN ('signed', 'anchored')")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException(rs.getLong(1) + " batch(es) (first: " + rs.getLong(2) + ") are still on their way "
                        + "with the previous release (a signed transaction without receipt, or anchored and not yet published): let "
                        + "the previous release run until no batch is 'signed' or 'anchored' (SELECT count(*) FROM fleet_batch WHERE "
                        + "state IN ('signed', 'anchored')), stop it, then start this one; the database was not changed");
            }
        }
    }
}
