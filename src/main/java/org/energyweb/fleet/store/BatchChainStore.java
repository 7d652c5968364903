package org.energyweb.fleet.store;

import org.energyweb.fleet.service.ServiceManifest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The service batches' way on chain, in the same database session as the worker's readings: which
 * batches of the worker's partitions wait to be anchored or published, their leaves, and the step to
 * published, fenced like the readings are. Their transactions are {@link FleetJournal}'s.
 */
public final class BatchChainStore {

    private static final String ANCHORED_COLUMNS = "SELECT id, topic, partition, root, size, chain_id, contract, tx, block, block_hash, manifest_cid";

    /** A batch whose root waits to be anchored; {@code manifestCid} is the CID of its manifest, which goes on chain with the root. */
    public record Formed(long id, String topic, int partition, byte[] root, int size, long firstOffset, long lastOffset, String manifestCid) {
    }

    /** A batch anchored on chain. */
    public record Anchored(long id, String topic, int partition, byte[] root, int size, long chainId, String contract,
                           String transactionHash, long block, String blockHash, String manifestCid) {
    }

    /** One reading of a batch: its leaf index, whose it is, and its document. */
    public record Leaf(int index, String sha256, String gateway, String meter, long seq, byte[] document) {
    }

    private final Session session;

    BatchChainStore(Session session) {
        this.session = session;
    }

    /** The batches of the claimed partitions that are formed, or whose transaction is on its way: one query for all of them. */
    public List<Formed> unanchored(Collection<PartitionClaim> claims) {
        return session.inTransaction(connection -> {
            List<Formed> formed = new ArrayList<>();
            try (PreparedStatement select = ofPartitions(connection, "SELECT id, topic, partition, root, size, first_offset, last_offset, "
                    + "manifest_cid", claims, List.of(BatchState.FORMED, BatchState.SIGNED));
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    formed.add(new Formed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getInt(5), rs.getLong(6),
                            rs.getLong(7), rs.getString(8)));
                }
            }
            return formed;
        });
    }

    /** The anchored batches of the claimed partitions whose results are not published yet: one query for all of them. */
    public List<Anchored> anchored(Collection<PartitionClaim> claims) {
        return session.inTransaction(connection -> {
            List<Anchored> anchored = new ArrayList<>();
            try (PreparedStatement select = ofPartitions(connection, ANCHORED_COLUMNS, claims, List.of(BatchState.ANCHORED));
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    anchored.add(anchored(rs));
                }
            }
            return anchored;
        });
    }

    /** The batch's readings' anchoring went out to the results topic. */
    public void published(PartitionClaim claim, long batchId) {
        advance(claim, batchId, List.of(BatchState.ANCHORED), "state = '" + BatchState.PUBLISHED + "'");
    }

    /** The readings of a batch in leaf order. */
    public List<Leaf> leaves(long batchId) {
        return session.inTransaction(connection -> {
            List<Leaf> leaves = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT r.log_index - b.first_index, r.sha256, r.gateway, r.meter, r.seq, r.document FROM fleet_batch b "
                            + "JOIN fleet_reading r ON r.topic = b.topic AND r.partition = b.partition "
                            + "AND r.log_index >= b.first_index AND r.log_index < b.end_index WHERE b.id = ? ORDER BY r.log_index")) {
                select.setLong(1, batchId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        leaves.add(new Leaf(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getBytes(6)));
                    }
                }
            }
            return leaves;
        });
    }

    /** The batch's {@link ServiceManifest}, the bytes whose CID was recorded when it was formed. */
    public byte[] manifest(Formed batch) {
        List<ServiceManifest.Leaf> leaves = leaves(batch.id()).stream()
                .map(leaf -> new ServiceManifest.Leaf(leaf.gateway(), leaf.meter(), leaf.seq(), leaf.sha256())).toList();
        return ServiceManifest.json(batch.topic(), batch.partition(), batch.firstOffset(), batch.lastOffset(), batch.root(), leaves);
    }

    /** The anchored batch holding the reading with this SHA-256 (hex), if it is anchored yet. */
    public Optional<Anchored> anchoredBatchOf(String sha256) {
        return session.inTransaction(connection -> {
            // the batch whose range holds the reading's log index: the last one of its partition starting at or before it
            try (PreparedStatement select = connection.prepareStatement("SELECT b.id, b.topic, b.partition, b.root, b.size, b.chain_id, "
                    + "b.contract, b.tx, b.block, b.block_hash, b.manifest_cid FROM fleet_reading r CROSS JOIN LATERAL ("
                    + "SELECT * FROM fleet_batch WHERE topic = r.topic AND partition = r.partition AND first_index <= r.log_index "
                    + "ORDER BY first_index DESC LIMIT 1) b "
                    + "WHERE r.sha256 = ? AND r.log_index < b.end_index AND b.state IN ('" + BatchState.ANCHORED + "', '" + BatchState.PUBLISHED + "')")) {
                select.setString(1, sha256);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(anchored(rs)) : Optional.<Anchored>empty();
                }
            }
        });
    }

    /** Batches in each state, over all partitions. */
    public long count(String state) {
        return session.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM fleet_batch WHERE state = ?")) {
                select.setString(1, state);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Moves the batch from one of the states {@code from} by {@code set}, fenced. */
    private void advance(PartitionClaim claim, long batchId, List<String> from, String set, Object... values) {
        session.inTransaction(connection -> {
            session.lockAsOwner(connection, claim);
            try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_batch SET " + set + " WHERE id = ? AND state = ANY (?)")) {
                int i = 1;
                for (Object value : values) {
                    update.setObject(i++, value);
                }
                update.setLong(i++, batchId);
                update.setArray(i, connection.createArrayOf("text", from.toArray()));
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Selects {@code columns} of the batches in one of {@code states} of the claimed partitions, in id order. */
    private static PreparedStatement ofPartitions(Connection connection, String columns, Collection<PartitionClaim> claims,
                                                  List<String> states) throws SQLException {
        PreparedStatement select = connection.prepareStatement(columns + " FROM fleet_batch "
                + "JOIN unnest(?::text[], ?::int[]) AS owned (owned_topic, owned_partition) ON topic = owned_topic AND partition = owned_partition "
                + "WHERE state = ANY (?) ORDER BY id");
        select.setArray(1, connection.createArrayOf("text", claims.stream().map(PartitionClaim::topic).toArray()));
        select.setArray(2, connection.createArrayOf("integer", claims.stream().map(PartitionClaim::partition).toArray()));
        select.setArray(3, connection.createArrayOf("text", states.toArray()));
        return select;
    }

    private static Anchored anchored(ResultSet rs) throws SQLException {
        return new Anchored(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getInt(5), rs.getLong(6), rs.getString(7),
                rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11));
    }
}
