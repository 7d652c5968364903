package org.energyweb.fleet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The service batches' way on chain, in the same database session as the worker's readings. Every
 * step is fenced like the readings are: a worker that lost the partition signs, records and publishes
 * nothing. The nonce is taken from the signing account's row ({@code fleet_signer}, locked for the
 * transaction, so workers sharing the service's key never take the same nonce) and stored with the
 * signed transaction in one commit before anything is broadcast: whoever owns the partition next
 * broadcasts those same bytes, so a batch has one transaction and a taken nonce is never left unused.
 */
public final class BatchChainStore {

    /** A batch whose root waits to be anchored. */
    public record Formed(long id, byte[] root, int size, long firstOffset, long lastOffset) {
    }

    /** A batch whose transaction is signed and stored. */
    public record Signed(long id, long nonce, String rawTransaction, String transactionHash) {
    }

    /** A batch anchored on chain. */
    public record Anchored(long id, String topic, int partition, byte[] root, int size, long chainId, String contract,
                           String transactionHash, long block, String blockHash) {
    }

    /** One reading of a batch: its leaf index, whose it is, and its document. */
    public record Leaf(int index, String sha256, String gateway, String meter, long seq, byte[] document) {
    }

    /** The signed transaction of a nonce. */
    public record Signature(String hash, String raw) {
    }

    private final Session session;

    BatchChainStore(Session session) {
        this.session = session;
    }

    public List<Formed> formed(PartitionClaim claim) {
        return session.inTransaction(connection -> {
            List<Formed> formed = new ArrayList<>();
            try (PreparedStatement select = ofPartition(connection, "SELECT id, root, size, first_offset, last_offset", claim, BatchState.FORMED);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    formed.add(new Formed(rs.getLong(1), rs.getBytes(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            return formed;
        });
    }

    public List<Signed> signed(PartitionClaim claim) {
        return session.inTransaction(connection -> {
            List<Signed> signed = new ArrayList<>();
            try (PreparedStatement select = ofPartition(connection, "SELECT id, nonce, raw_tx, tx", claim, BatchState.SIGNED);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    signed.add(new Signed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
            return signed;
        });
    }

    public List<Anchored> anchored(PartitionClaim claim) {
        return session.inTransaction(connection -> {
            List<Anchored> anchored = new ArrayList<>();
            try (PreparedStatement select = ofPartition(connection,
                    "SELECT id, topic, partition, root, size, chain_id, contract, tx, block, block_hash", claim, BatchState.ANCHORED);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    anchored.add(anchored(rs));
                }
            }
            return anchored;
        });
    }

    /**
     * Takes the account's next nonce (at least {@code chainNonce}, the chain's count of its mined
     * transactions), signs the batch's transaction with it and stores both, fenced.
     *
     * @return the stored transaction, or empty when the batch is no longer waiting for one
     * @throws FencedException when the partition was claimed by another worker
     */
    public Optional<Signed> sign(PartitionClaim claim, long batchId, long chainId, String contract, String sender, long chainNonce,
                                 LongFunction<Signature> signer) {
        return session.inTransaction(connection -> {
            session.lockAsOwner(connection, claim);
            if (!BatchState.FORMED.equals(state(connection, batchId))) {
                return Optional.<Signed>empty();
            }
            long nonce = Math.max(chainNonce, nextNonce(connection, chainId, sender));
            Signature signature = signer.apply(nonce);
            try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_batch SET state = '" + BatchState.SIGNED + "', "
                    + "chain_id = ?, contract = ?, sender = ?, nonce = ?, raw_tx = ?, tx = ? WHERE id = ?")) {
                update.setLong(1, chainId);
                update.setString(2, contract);
                update.setString(3, sender);
                update.setLong(4, nonce);
                update.setString(5, signature.raw());
                update.setString(6, signature.hash());
                update.setLong(7, batchId);
                update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE fleet_signer SET next_nonce = ? WHERE chain_id = ? AND address = ?")) {
                update.setLong(1, nonce + 1);
                update.setLong(2, chainId);
                update.setString(3, sender);
                update.executeUpdate();
            }
            return Optional.of(new Signed(batchId, nonce, signature.raw(), signature.hash()));
        });
    }

    /** The batch's transaction is mined and succeeded. */
    public void anchored(PartitionClaim claim, long batchId, String transactionHash, long block, String blockHash) {
        advance(claim, batchId, List.of(BatchState.SIGNED), "state = '" + BatchState.ANCHORED + "', tx = ?, block = ?, block_hash = ?",
                transactionHash, block, blockHash);
    }

    /**
     * The chain counts the batch's nonce as used, but by no transaction of the batch: it goes back to
     * formed and gets a new nonce.
     */
    public void nonceTakenElsewhere(PartitionClaim claim, long batchId) {
        advance(claim, batchId, List.of(BatchState.SIGNED), "state = '" + BatchState.FORMED + "', nonce = NULL, raw_tx = NULL, tx = NULL");
    }

    /** The batch will not be anchored: its call reverts or exceeds the gas cap. */
    public void dead(PartitionClaim claim, long batchId, String reason) {
        advance(claim, batchId, List.of(BatchState.FORMED, BatchState.SIGNED), "state = '" + BatchState.DEAD + "', reason = ?", reason);
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
                    "SELECT leaf_index, sha256, gateway, meter, seq, document FROM fleet_reading WHERE batch_id = ? ORDER BY leaf_index")) {
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

    /** The anchored batch holding the reading with this SHA-256 (hex), if it is anchored yet. */
    public Optional<Anchored> anchoredBatchOf(String sha256) {
        return session.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT b.id, b.topic, b.partition, b.root, b.size, b.chain_id, "
                    + "b.contract, b.tx, b.block, b.block_hash FROM fleet_reading r JOIN fleet_batch b ON b.id = r.batch_id "
                    + "WHERE r.sha256 = ? AND b.state IN ('" + BatchState.ANCHORED + "', '" + BatchState.PUBLISHED + "')")) {
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

    private static String state(Connection connection, long batchId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state FROM fleet_batch WHERE id = ?")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The account's next nonce, its row locked until the transaction ends. */
    private static long nextNonce(Connection connection, long chainId, String sender) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fleet_signer VALUES (?, ?, 0) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, chainId);
            insert.setString(2, sender);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_nonce FROM fleet_signer WHERE chain_id = ? AND address = ? FOR UPDATE")) {
            select.setLong(1, chainId);
            select.setString(2, sender);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static PreparedStatement ofPartition(Connection connection, String columns, PartitionClaim claim, String state) throws SQLException {
        PreparedStatement select = connection.prepareStatement(columns + " FROM fleet_batch WHERE topic = ? AND partition = ? AND state = ? ORDER BY id");
        select.setString(1, claim.topic());
        select.setInt(2, claim.partition());
        select.setString(3, state);
        return select;
    }

    private static Anchored anchored(ResultSet rs) throws SQLException {
        return new Anchored(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getInt(5), rs.getLong(6), rs.getString(7),
                rs.getString(8), rs.getLong(9), rs.getString(10));
    }
}
