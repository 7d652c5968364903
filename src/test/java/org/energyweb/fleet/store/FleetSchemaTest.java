package org.energyweb.fleet.store;

import org.energyweb.peers.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The anchor service's schema migrations on a real PostgreSQL, from a database the previous release built. */
class FleetSchemaTest {

    private static final String ACCOUNT_ADDRESS = "0xAbCdEf0123456789aBcDeF0123456789abCDef01";
    private static final String ACCOUNT = "31337:" + ACCOUNT_ADDRESS.toLowerCase();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.create();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void aDatabaseOfThePreviousReleaseMigratesAndTheStoreWorksOnIt() throws Exception {
        String url = previousReleaseDatabase(null);

        try (FleetStore store = new FleetStore(url); FleetJournal journal = new FleetJournal(url)) {
            assertEquals(OptionalLong.of(7), journal.nonces().next(ACCOUNT), "the signer's next nonce carried over");
            PartitionClaim claim = store.claim("readings", 0, "worker-2");
            Optional<Long> batch = store.formBatch(claim, 100);
            assertTrue(batch.isPresent(), "the readings of the previous release's formed batch are batched again");
            List<BatchChainStore.Formed> formed = store.chainStore().unanchored(List.of(claim));
            assertEquals(1, formed.size());
            assertEquals(2, formed.get(0).size());
            assertNotNull(formed.get(0).manifestCid());
            assertTrue(store.chainStore().anchoredBatchOf(sha256Hex(document(1))).isPresent(), "the anchored batch stays anchored");
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            assertEquals(List.of("1", "2"), column(statement, "SELECT version FROM fleet_schema_version ORDER BY version"));
            assertEquals(List.of(), column(statement, "SELECT 1 FROM information_schema.tables WHERE table_name = 'fleet_signer'"));
            assertEquals(List.of(), column(statement, "SELECT 1 FROM information_schema.columns WHERE table_name = 'fleet_batch' AND column_name = 'raw_tx'"));
            assertEquals(List.of("0xanchored"), column(statement, "SELECT tx FROM fleet_batch WHERE state = 'published'"));
        }
    }

    @Test
    void aBatchSignedByThePreviousReleaseRefusesTheMigrationAndChangesNothing() throws Exception {
        assertRefusedAndUnchanged(previousReleaseDatabase("signed"), "signed");
    }

    @Test
    void aBatchAnchoredButNotPublishedByThePreviousReleaseRefusesTheMigrationAndChangesNothing() throws Exception {
        assertRefusedAndUnchanged(previousReleaseDatabase("anchored"), "anchored");
    }

    private static void assertRefusedAndUnchanged(String url, String state) throws SQLException {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new FleetStore(url).close());

        assertTrue(refused.getMessage().contains("let the previous release run until no batch is 'signed' or 'anchored'"), refused.getMessage());
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            assertEquals(List.of("0xf86b..."), column(statement, "SELECT raw_tx FROM fleet_batch WHERE state = '" + state + "'"));
            assertEquals(List.of("7"), column(statement, "SELECT next_nonce FROM fleet_signer"));
            assertEquals(List.of(), column(statement, "SELECT 1 FROM information_schema.tables WHERE table_name = 'fleet_schema_version'"));
        }
    }

    @Test
    void twoWorkersOpeningTogetherMigrateOnce() throws Exception {
        String url = previousReleaseDatabase(null);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> opened = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opened.add(workers.submit(() -> {
                    together.await();
                    new FleetStore(url).close();
                    return null;
                }));
            }
            for (Future<?> open : opened) {
                open.get();
            }
        } finally {
            workers.shutdownNow();
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            assertEquals(List.of("1", "2"), column(statement, "SELECT version FROM fleet_schema_version ORDER BY version"));
            assertEquals(List.of(ACCOUNT + " 7"), column(statement, "SELECT account || ' ' || next_nonce FROM fleet_nonce"));
        }
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefused() throws Exception {
        String url = newDatabase();
        new FleetStore(url).close();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO fleet_schema_version (version, description) VALUES (" + (FleetSchema.CURRENT + 1) + ", 'from the future')");
        }

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new FleetStore(url).close());

        assertTrue(refused.getMessage().contains("schema version " + (FleetSchema.CURRENT + 1) + ", newer than this release's "
                + FleetSchema.CURRENT), refused.getMessage());
    }

    @Test
    void aNewDatabaseGetsTheCurrentVersion() throws Exception {
        String url = newDatabase();

        new FleetStore(url).close();

        try (Connection connection = DriverManager.getConnection(url)) {
            assertEquals(FleetSchema.CURRENT, FleetSchema.version(connection));
        }
    }

    /**
     * A database built by the previous release's DDL, with its rows: the signer's nonce, a published
     * batch, a formed batch of two readings, and unless null a batch in {@code unfinishedState} ("signed": without
     * receipt; "anchored": not yet published).
     */
    private static String previousReleaseDatabase(String unfinishedState) throws SQLException, IOException, NoSuchAlgorithmException {
        String url = newDatabase();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(previousReleaseSchema());
            statement.execute("INSERT INTO fleet_gateway VALUES ('gw-1')");
            statement.execute("INSERT INTO fleet_partition VALUES ('readings', 0, 3, 'worker-1', 4)");
            statement.execute("INSERT INTO fleet_signer VALUES (31337, '" + ACCOUNT_ADDRESS + "', 7)");
            statement.execute("INSERT INTO fleet_batch (id, topic, partition, root, size, first_offset, last_offset, state, chain_id, contract, "
                    + "sender, nonce, raw_tx, tx, block, block_hash) VALUES (1, 'readings', 0, '\\x01', 1, 0, 0, 'published', 31337, '0xc', '"
                    + ACCOUNT_ADDRESS + "', 5, '0xf86a...', '0xanchored', 12, '0xblock')");
            statement.execute("INSERT INTO fleet_batch (id, topic, partition, root, size, first_offset, last_offset, state) "
                    + "VALUES (2, 'readings', 0, '\\x02', 2, 1, 2, 'formed')");
            statement.execute("INSERT INTO fleet_reading VALUES " + reading(1, 0, 1, 0) + ", " + reading(2, 1, 2, 0) + ", " + reading(3, 2, 2, 1));
            if (unfinishedState != null) {
                statement.execute("INSERT INTO fleet_batch (id, topic, partition, root, size, first_offset, last_offset, state, chain_id, contract, "
                        + "sender, nonce, raw_tx, tx) VALUES (3, 'readings', 0, '\\x03', 1, 3, 3, '" + unfinishedState + "', 31337, '0xc', '"
                        + ACCOUNT_ADDRESS + "', 6, '0xf86b...', '0xsent')");
            }
            statement.execute("SELECT setval('fleet_batch_id_seq', 3)");
        }
        return url;
    }

    /** Migration 1 is the previous release's DDL verbatim (checked against 1c83be3 when it was written, never edited). */
    /** A row of {@code fleet_reading} as the previous release stored it: its document's SHA-256 in hex. */
    private static String reading(long seq, long offset, long batch, int leaf) throws NoSuchAlgorithmException {
        byte[] document = document(seq);
        return "('" + sha256Hex(document) + "', 'm-1', " + seq + ", 'gw-1', '\\x" + HexFormat.of().formatHex(document) + "', 'readings', 0, "
                + offset + ", " + batch + ", " + leaf + ")";
    }

    private static byte[] document(long seq) {
        return ("{\"meter\":\"m-1\",\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256Hex(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String previousReleaseSchema() throws IOException {
        try (InputStream in = FleetSchema.class.getResourceAsStream("schema/1.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String newDatabase() throws SQLException {
        String name = "schema_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.jdbcUrl().replace("/" + PostgresServer.DATABASE + "?", "/" + name + "?");
    }

    private static List<String> column(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        assertFalse(values.contains(null));
        return values;
    }
}
