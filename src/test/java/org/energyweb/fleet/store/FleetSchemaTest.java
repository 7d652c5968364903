package org.energyweb.fleet.store;

import org.energyweb.fleet.proof.ServiceProofs;
import org.energyweb.peers.PostgresServer;
import org.energyweb.proof.InclusionProof;
import org.energyweb.proof.MerkleTree;
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
            assertEquals(List.of("1", "2", "3"), column(statement, "SELECT version FROM fleet_schema_version ORDER BY version"));
            assertEquals(List.of(), column(statement, "SELECT 1 FROM information_schema.tables WHERE table_name = 'fleet_signer'"));
            assertEquals(List.of(), column(statement, "SELECT 1 FROM information_schema.columns WHERE table_name = 'fleet_batch' AND column_name = 'raw_tx'"));
            assertEquals(List.of("0xanchored"), column(statement, "SELECT tx FROM fleet_batch WHERE state = 'published'"));
        }
    }

    @Test
    void version2BatchesBecomeRangesOfTheirPartitionsLogAndKeepTheirProofs() throws Exception {
        String url = version2Database();

        try (FleetStore store = new FleetStore(url)) {
            BatchChainStore batches = store.chainStore();
            ServiceProofs proofs = new ServiceProofs(batches);
            for (int seq = 0; seq < 3; seq++) {
                InclusionProof proof = proofs.prove(sha256Hex(document(seq))).orElseThrow();
                assertEquals(seq < 2 ? seq : 0, proof.batch().index(), "the leaf index of m-1#" + seq + " in its batch");
                assertTrue(proof.batch().leadsFrom(HexFormat.of().parseHex(sha256Hex(document(seq)))), "the proof of m-1#" + seq + " leads to its anchored root");
            }
            assertEquals(Optional.empty(), proofs.prove(sha256Hex(document(3))), "a formed batch is not anchored yet");
            assertEquals(List.of(sha256Hex(document(3)), sha256Hex(document(4))),
                    batches.leaves(3).stream().map(BatchChainStore.Leaf::sha256).toList(), "the formed batch keeps its leaves in order");
            assertEquals(2, store.unbatchedCount(), "m-1#5 of partition 0 and m-2#0 of partition 1");

            long formed = store.formBatch(store.claim("readings", 0, "worker-2"), 100).orElseThrow();

            assertEquals(List.of(sha256Hex(document(5))), batches.leaves(formed).stream().map(BatchChainStore.Leaf::sha256).toList(),
                    "the next batch starts after the last one of the partition");
            assertEquals(1, store.unbatchedCount());
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            assertEquals(List.of("0 6", "1 1"), column(statement, "SELECT partition || ' ' || log_size FROM fleet_partition ORDER BY partition"));
            assertEquals(List.of("0 2", "2 3", "3 5", "5 6"), column(statement,
                    "SELECT first_index || ' ' || end_index FROM fleet_batch WHERE partition = 0 ORDER BY first_index"));
            assertEquals(List.of(), column(statement, "SELECT 1 FROM information_schema.columns WHERE table_name = 'fleet_reading' "
                    + "AND column_name IN ('batch_id', 'leaf_index')"));
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
            assertEquals(List.of("1", "2", "3"), column(statement, "SELECT version FROM fleet_schema_version ORDER BY version"));
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
            statement.execute(migration(1));
            statement.execute("INSERT INTO fleet_gateway VALUES ('gw-1')");
            statement.execute("INSERT INTO fleet_partition VALUES ('readings', 0, 3, 'worker-1', 4)");
            statement.execute("INSERT INTO fleet_signer VALUES (31337, '" + ACCOUNT_ADDRESS + "', 7)");
            statement.execute("INSERT INTO fleet_batch (id, topic, partition, root, size, first_offset, last_offset, state, chain_id, contract, "
                    + "sender, nonce, raw_tx, tx, block, block_hash) VALUES (1, 'readings', 0, '\\x01', 1, 0, 0, 'published', 31337, '0xc', '"
                    + ACCOUNT_ADDRESS + "', 5, '0xf86a...', '0xanchored', 12, '0xblock')");
            statement.execute("INSERT INTO fleet_batch (id, topic, partition, root, size, first_offset, last_offset, state) "
                    + "VALUES (2, 'readings', 0, '\\x02', 2, 1, 2, 'formed')");
            statement.execute("INSERT INTO fleet_reading VALUES " + reading(1, 0, 1L, 0) + ", " + reading(2, 1, 2L, 0) + ", " + reading(3, 2, 2L, 1));
            if (unfinishedState != null) {
                statement.execute("INSERT INTO fleet_batch (id, topic, partition, root, size, first_offset, last_offset, state, chain_id, contract, "
                        + "sender, nonce, raw_tx, tx) VALUES (3, 'readings', 0, '\\x03', 1, 3, 3, '" + unfinishedState + "', 31337, '0xc', '"
                        + ACCOUNT_ADDRESS + "', 6, '0xf86b...', '0xsent')");
            }
            statement.execute("SELECT setval('fleet_batch_id_seq', 3)");
        }
        return url;
    }

    /**
     * A database at schema version 2 with, in partition 0, meter m-1's readings 0 to 5: 0 and 1 in a published
     * batch, 2 in an anchored one, 3 and 4 in a formed one, 5 in none; in partition 1 one reading of m-2, in none.
     */
    private static String version2Database() throws Exception {
        String url = newDatabase();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(migration(1));
            statement.execute(migration(2));
            statement.execute("CREATE TABLE fleet_schema_version (version int PRIMARY KEY, description text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
            statement.execute("INSERT INTO fleet_schema_version (version, description) VALUES (1, 'one'), (2, 'two')");
            statement.execute("INSERT INTO fleet_gateway VALUES ('gw-1')");
            statement.execute("INSERT INTO fleet_partition VALUES ('readings', 0, 3, 'worker-1', 6), ('readings', 1, 1, 'worker-1', 1)");
            statement.execute(version2Batch(1, "published", 0, 1));
            statement.execute(version2Batch(2, "anchored", 2));
            statement.execute(version2Batch(3, "formed", 3, 4));
            // inserted out of log order: the migration numbers them by batch, leaf, then offset
            statement.execute("INSERT INTO fleet_reading VALUES " + reading(5, 5, null, null) + ", " + reading(4, 4, 3L, 1) + ", "
                    + reading(0, 0, 1L, 0) + ", " + reading(3, 3, 3L, 0) + ", " + reading(2, 2, 2L, 0) + ", " + reading(1, 1, 1L, 1));
            byte[] other = "{\"meter\":\"m-2\",\"seq\":0}".getBytes(StandardCharsets.UTF_8);
            statement.execute("INSERT INTO fleet_reading VALUES ('" + sha256Hex(other) + "', 'm-2', 0, 'gw-1', '\\x"
                    + HexFormat.of().formatHex(other) + "', 'readings', 1, 0, NULL, NULL)");
            statement.execute("SELECT setval('fleet_batch_id_seq', 3)");
            connection.commit();
        }
        return url;
    }

    /** A batch of partition 0 as release 2 stored it: the root of m-1's readings {@code seqs}, their offsets the seqs. */
    private static String version2Batch(long id, String state, long... seqs) throws NoSuchAlgorithmException {
        List<byte[]> leaves = new ArrayList<>();
        for (long seq : seqs) {
            leaves.add(HexFormat.of().parseHex(sha256Hex(document(seq))));
        }
        String root = HexFormat.of().formatHex(MerkleTree.ofLeafInputs(leaves).root());
        boolean anchored = !state.equals("formed");
        return "INSERT INTO fleet_batch (id, topic, partition, root, size, first_offset, last_offset, state, chain_id, contract, tx, block, "
                + "block_hash, manifest_cid) VALUES (" + id + ", 'readings', 0, '\\x" + root + "', " + seqs.length + ", " + seqs[0]
                + ", " + seqs[seqs.length - 1] + ", '" + state + "', " + (anchored ? "31337, '" + ACCOUNT_ADDRESS + "', '0x" + "%064x".formatted(id) + "', " + (10 + id)
                + ", '0x" + "%064x".formatted(10 + id) + "'"
                : "NULL, NULL, NULL, NULL, NULL") + ", 'cid-" + id + "')";
    }

    /** A migration's statements (migration 1 is the previous release's DDL verbatim, checked against 1c83be3 when it was written, never edited). */
    private static String migration(int version) throws IOException {
        try (InputStream in = FleetSchema.class.getResourceAsStream("schema/" + version + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A row of {@code fleet_reading} as the previous release stored it: its document's SHA-256 in hex. */
    private static String reading(long seq, long offset, Long batch, Integer leaf) throws NoSuchAlgorithmException {
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
