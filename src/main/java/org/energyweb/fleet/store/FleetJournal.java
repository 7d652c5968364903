package org.energyweb.fleet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.chain.tx.NonceRecords;
import org.energyweb.chain.tx.NonceTakenException;
import org.energyweb.chain.tx.TransactionJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The anchor service's {@link TransactionJournal}: the transaction of each Merkle batch (the key is
 * the batch's id) kept on its {@code fleet_batch} row, so a worker's batches go on chain through the
 * same {@link org.energyweb.chain.tx.TransactionPipeline} as a gateway's, fee bumping included.
 *
 * <p>Every write is fenced: it locks the batch's partition row and compares the epoch of this
 * worker's claim ({@link #own}), so a worker that lost the partition records nothing, and the
 * pipeline, told by the failed write, sends nothing more for it. The nonce comes from the signing
 * account's {@code fleet_nonce} row, locked in the same transaction that records it with the batch's
 * transaction: the service's workers share one key, and a nonce another worker recorded first is
 * refused ({@link NonceTakenException}), never used twice. The batch's new owner finds its
 * transaction in flight here and carries it on with the same nonce.
 *
 * <p>One connection, shared by the pipeline's sender and tracker threads one call at a time; the
 * journal answers at once, its futures already complete.
 */
public final class FleetJournal implements TransactionJournal, AutoCloseable {

    /** The name the journal's transactions go by in {@link NonceRecords}. */
    public static final String HOP = "fleet-batch";

    private static final Logger LOG = LoggerFactory.getLogger(FleetJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Anchored batches looked at per query when looking for the ones the chain lost. */
    private static final int PAGE = 100;

    private final Session session;
    private final FleetNonces nonces;
    /** This worker's claims, by "topic#partition". */
    private final Map<String, PartitionClaim> claims = new ConcurrentHashMap<>();

    public FleetJournal(String jdbcUrl) {
        this.session = new Session(jdbcUrl);
        this.nonces = new FleetNonces(session, claims::values);
    }

    /** This worker now owns the claimed partition: its batches' transactions may be recorded under the claim. */
    public void own(PartitionClaim claim) {
        claims.put(key(claim.topic(), claim.partition()), claim);
    }

    /** This worker no longer owns the partition: nothing more is recorded for its batches. */
    public void disown(String topic, int partition) {
        claims.remove(key(topic, partition));
    }

    /** This worker's claim on the partition, null if it owns none. */
    public PartitionClaim claim(String topic, int partition) {
        return claims.get(key(topic, partition));
    }

    @Override
    public String describe(long key) {
        return "service batch " + key;
    }

    @Override
    public List<Entry> inFlight() {
        synchronized (session) {
            return session.inTransaction(connection -> {
                List<Entry> entries = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, topic, partition, tx_state, tx_detail FROM fleet_batch WHERE tx_state = ANY (?) ORDER BY id")) {
                    select.setArray(1, connection.createArrayOf("text", ChainHop.IN_FLIGHT.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            // another worker's partition is that worker's to carry on
                            if (claims.containsKey(key(rs.getString(2), rs.getInt(3)))) {
                                entries.add(new Entry(rs.getLong(1), rs.getString(4), rs.getString(5)));
                            }
                        }
                    }
                }
                return entries;
            });
        }
    }

    @Override
    public Map<Long, Entry> recorded(Collection<Long> keys) {
        synchronized (session) {
            return session.inTransaction(connection -> {
                Map<Long, Entry> entries = new LinkedHashMap<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, tx_state, tx_detail FROM fleet_batch WHERE id = ANY (?) AND tx_state IS NOT NULL")) {
                    select.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            entries.put(rs.getLong(1), new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                }
                return entries;
            });
        }
    }

    /**
     * Takes {@code nonce} from the account's row for the batch and records the batch's transaction,
     * in one fenced transaction.
     */
    @Override
    public CompletableFuture<Void> allocated(String account, long nonce, long key, String detail) {
        try {
            synchronized (session) {
                session.inTransaction(connection -> {
                    lockAsOwner(connection, key);
                    long next = nonces.lockNext(connection, account);
                    if (nonce < next) {
                        throw new NonceTakenException(account, nonce, next);
                    }
                    JsonNode tx = parse(detail);
                    try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_batch SET state = '" + BatchState.SIGNED
                            + "', tx_state = ?, tx_detail = ?, chain_id = ?, sender = ?, contract = ?, nonce = ? WHERE id = ? AND state IN ('"
                            + BatchState.FORMED + "', '" + BatchState.SIGNED + "')")) {
                        update.setString(1, ChainHop.NONCE_ALLOCATED);
                        update.setString(2, detail);
                        update.setLong(3, tx.path("chainId").asLong());
                        update.setString(4, tx.path("from").asText());
                        update.setString(5, tx.path("to").asText());
                        update.setLong(6, nonce);
                        update.setLong(7, key);
                        if (update.executeUpdate() == 0) {
                            throw new IllegalStateException(describe(key) + " is not waiting for a transaction");
                        }
                    }
                    nonces.raise(connection, account, nonce + 1);
                    return null;
                });
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** Records the transaction's next state, fenced; once confirmed, the batch is anchored with its transaction and block. */
    @Override
    public CompletableFuture<Void> record(long key, String state, String detail) {
        try {
            synchronized (session) {
                session.inTransaction(connection -> {
                    lockAsOwner(connection, key);
                    JsonNode tx = parse(detail);
                    boolean confirmed = ChainHop.CONFIRMED.equals(state);
                    try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_batch SET tx_state = ?, tx_detail = ?"
                            + (confirmed ? ", state = '" + BatchState.ANCHORED + "', tx = ?, block = ?, block_hash = ?" : "")
                            + " WHERE id = ? AND state = '" + BatchState.SIGNED + "'")) {
                        int i = 1;
                        update.setString(i++, state);
                        update.setString(i++, detail);
                        if (confirmed) {
                            update.setString(i++, tx.path("minedTx").asText());
                            update.setLong(i++, tx.path("block").asLong());
                            update.setString(i++, tx.path("blockHash").asText());
                        }
                        update.setLong(i, key);
                        update.executeUpdate();
                    }
                    return null;
                });
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** The batch will not be anchored: dead, with the reason, fenced. */
    @Override
    public void rejected(long key, String contract, String reason) {
        String detail = JSON.createObjectNode().put("reason", reason).toString();
        synchronized (session) {
            session.inTransaction(connection -> {
                lockAsOwner(connection, key);
                try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_batch SET state = '" + BatchState.DEAD
                        + "', tx_state = ?, tx_detail = ?, contract = ?, reason = ? WHERE id = ? AND state IN ('"
                        + BatchState.FORMED + "', '" + BatchState.SIGNED + "')")) {
                    update.setString(1, ChainHop.DEAD);
                    update.setString(2, detail);
                    update.setString(3, contract);
                    update.setString(4, reason);
                    update.setLong(5, key);
                    update.executeUpdate();
                }
                return null;
            });
        }
        LOG.warn("{} is not anchored on {}: {}", describe(key), contract, reason);
    }

    /** The batches whose partition this worker no longer owns, or owns under an epoch that another claim raised since. */
    @Override
    public Set<Long> relinquished(Collection<Long> keys) {
        synchronized (session) {
            return session.inTransaction(connection -> {
                Set<Long> gone = new HashSet<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT b.id, b.topic, b.partition, p.epoch FROM fleet_batch b "
                        + "JOIN fleet_partition p ON p.topic = b.topic AND p.partition = b.partition WHERE b.id = ANY (?)")) {
                    select.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            PartitionClaim claim = claims.get(key(rs.getString(2), rs.getInt(3)));
                            if (claim == null || claim.epoch() != rs.getLong(4)) {
                                gone.add(rs.getLong(1));
                            }
                        }
                    }
                }
                return gone;
            });
        }
    }

    /** A batch's transaction as recorded mined: in which block, known by that block's hash. */
    public record Mined(long block, String blockHash) {
    }

    /**
     * The claimed partition's anchored (or published) batches whose block the chain no longer holds (a
     * dev chain restarted without its state, a reorganisation deeper than the confirmations) go back to
     * formed, fenced by the claim: they are anchored and published again. A chain holding a block holds
     * every block below it, so they are looked for from the newest block down to the first one
     * {@code onChain} holds; the chain is asked outside any database transaction.
     *
     * @return the batches rewound
     */
    public List<Long> rewindLost(PartitionClaim claim, long chainId, Predicate<Mined> onChain) {
        List<Long> lost = new ArrayList<>();
        Map<Mined, Boolean> held = new HashMap<>();
        for (int page = 0; ; page++) {
            Map<Long, Mined> batches = anchoredNewestFirst(claim, chainId, page);
            for (Map.Entry<Long, Mined> batch : batches.entrySet()) {
                if (held.computeIfAbsent(batch.getValue(), onChain::test)) {
                    return rewound(claim, lost);
                }
                lost.add(batch.getKey());
            }
            if (batches.size() < PAGE) {
                return rewound(claim, lost);
            }
        }
    }

    private Map<Long, Mined> anchoredNewestFirst(PartitionClaim claim, long chainId, int page) {
        synchronized (session) {
            return session.inTransaction(connection -> {
                Map<Long, Mined> batches = new LinkedHashMap<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT id, block, block_hash FROM fleet_batch "
                        + "WHERE topic = ? AND partition = ? AND chain_id = ? AND state IN ('" + BatchState.ANCHORED + "', '"
                        + BatchState.PUBLISHED + "') ORDER BY block DESC, id DESC LIMIT " + PAGE + " OFFSET ?")) {
                    select.setString(1, claim.topic());
                    select.setInt(2, claim.partition());
                    select.setLong(3, chainId);
                    select.setLong(4, (long) page * PAGE);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            batches.put(rs.getLong(1), new Mined(rs.getLong(2), rs.getString(3)));
                        }
                    }
                }
                return batches;
            });
        }
    }

    private List<Long> rewound(PartitionClaim claim, List<Long> lost) {
        if (lost.isEmpty()) {
            return lost;
        }
        synchronized (session) {
            return session.inTransaction(connection -> {
                session.lockAsOwner(connection, claim);
                List<Long> rewound = new ArrayList<>();
                try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_batch SET " + FleetNonces.FORGET_TRANSACTION
                        + " WHERE id = ANY (?) AND state IN ('" + BatchState.ANCHORED + "', '" + BatchState.PUBLISHED + "') RETURNING id")) {
                    update.setArray(1, connection.createArrayOf("bigint", lost.toArray()));
                    try (ResultSet rs = update.executeQuery()) {
                        while (rs.next()) {
                            rewound.add(rs.getLong(1));
                        }
                    }
                }
                return rewound;
            });
        }
    }

    @Override
    public NonceRecords nonces() {
        return nonces;
    }

    @Override
    public String hop() {
        return HOP;
    }

    @Override
    public void close() {
        synchronized (session) {
            session.close();
        }
    }

    /** Locks the partition row of the batch's partition and checks this worker's claim on it: the fence. */
    private void lockAsOwner(Connection connection, long batchId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT topic, partition FROM fleet_batch WHERE id = ?")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(describe(batchId) + " does not exist");
                }
                PartitionClaim claim = claims.get(key(rs.getString(1), rs.getInt(2)));
                if (claim == null) {
                    throw new FencedException(rs.getString(1), rs.getInt(2));
                }
                session.lockAsOwner(connection, claim);
            }
        }
    }

    private static String key(String topic, int partition) {
        return topic + "#" + partition;
    }

    private static JsonNode parse(String detail) {
        try {
            return JSON.readTree(detail);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable transaction detail: " + detail, e);
        }
    }
}
