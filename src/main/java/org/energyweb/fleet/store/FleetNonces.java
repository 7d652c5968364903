package org.energyweb.fleet.store;

import org.energyweb.chain.tx.NonceRecords;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The service's signing accounts' nonces in PostgreSQL: per account ({@code chainId:address}) the next
 * nonce in {@code fleet_nonce}, and per batch the nonce its transaction holds ({@code fleet_batch}). The
 * account's row is locked by the transaction that takes a nonce from it ({@link FleetJournal#allocated}),
 * so the workers sharing the key take each nonce once. On {@link FleetJournal}'s session and lock.
 */
final class FleetNonces implements NonceRecords {

    /** Sets a batch back to formed without its transaction: it gets a new one. */
    static final String FORGET_TRANSACTION = "state = '" + BatchState.FORMED
            + "', tx_state = NULL, tx_detail = NULL, nonce = NULL, tx = NULL, block = NULL, block_hash = NULL";

    private final Session session;
    /** The worker's claims: only their partitions' batches are rewound. */
    private final Supplier<Collection<PartitionClaim>> owned;

    FleetNonces(Session session, Supplier<Collection<PartitionClaim>> owned) {
        this.session = session;
        this.owned = owned;
    }

    @Override
    public OptionalLong next(String account) {
        synchronized (session) {
            return session.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT next_nonce FROM fleet_nonce WHERE account = ?")) {
                    select.setString(1, account);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                    }
                }
            });
        }
    }

    @Override
    public OptionalLong highest(String hop, long chainId, String from, Collection<String> states) {
        synchronized (session) {
            return session.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT max(nonce) FROM fleet_batch "
                        + "WHERE chain_id = ? AND lower(sender) = ? AND tx_state = ANY (?)")) {
                    select.setLong(1, chainId);
                    select.setString(2, from.toLowerCase(Locale.ROOT));
                    select.setArray(3, connection.createArrayOf("text", states.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        long highest = rs.next() ? rs.getLong(1) : 0;
                        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(highest);
                    }
                }
            });
        }
    }

    /**
     * The batches whose transactions the chain lost go back to formed (they are anchored and published
     * again), but only those of the partitions this worker owns under its current epoch: their rows are
     * locked and their epochs compared in the same transaction, so a batch another worker owns, and may
     * have in flight, is never touched; its owner finds it lost when it claims the partition
     * ({@link FleetJournal#rewindLost}). The account's next nonce goes down to the chain's count, so
     * what is sent next fills the chain's gap.
     */
    @Override
    public List<Long> rewind(String account, String hop, long chainId, String from, long chainNonce, String keepState) {
        synchronized (session) {
            return session.inTransaction(connection -> {
                List<PartitionClaim> current = lockCurrent(connection, owned.get());
                List<Long> batches = new ArrayList<>();
                try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_batch SET " + FORGET_TRANSACTION + " FROM unnest(?::text[], ?::int[]) AS owned (owned_topic, owned_partition) "
                        + "WHERE topic = owned_topic AND partition = owned_partition "
                        + "AND chain_id = ? AND lower(sender) = ? AND nonce >= ? AND tx_state <> ? RETURNING id")) {
                    update.setArray(1, connection.createArrayOf("text", current.stream().map(PartitionClaim::topic).toArray()));
                    update.setArray(2, connection.createArrayOf("integer", current.stream().map(PartitionClaim::partition).toArray()));
                    update.setLong(3, chainId);
                    update.setString(4, from.toLowerCase(Locale.ROOT));
                    update.setLong(5, chainNonce);
                    update.setString(6, keepState);
                    try (ResultSet rs = update.executeQuery()) {
                        while (rs.next()) {
                            batches.add(rs.getLong(1));
                        }
                    }
                }
                try (PreparedStatement lower = connection.prepareStatement("UPDATE fleet_nonce SET next_nonce = ? WHERE account = ?")) {
                    lower.setLong(1, chainNonce);
                    lower.setString(2, account);
                    lower.executeUpdate();
                }
                return batches;
            });
        }
    }

    /** Locks the claimed partitions' rows until the transaction ends; the claims whose epoch is still the partition's. */
    private static List<PartitionClaim> lockCurrent(Connection connection, Collection<PartitionClaim> claims) throws SQLException {
        List<PartitionClaim> current = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT p.topic, p.partition FROM fleet_partition p "
                + "JOIN unnest(?::text[], ?::int[], ?::bigint[]) AS claimed (claimed_topic, claimed_partition, claimed_epoch) "
                + "ON p.topic = claimed_topic AND p.partition = claimed_partition AND p.epoch = claimed_epoch "
                + "ORDER BY p.topic, p.partition FOR UPDATE OF p")) {
            select.setArray(1, connection.createArrayOf("text", claims.stream().map(PartitionClaim::topic).toArray()));
            select.setArray(2, connection.createArrayOf("integer", claims.stream().map(PartitionClaim::partition).toArray()));
            select.setArray(3, connection.createArrayOf("bigint", claims.stream().map(PartitionClaim::epoch).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String topic = rs.getString(1);
                    int partition = rs.getInt(2);
                    claims.stream().filter(claim -> claim.topic().equals(topic) && claim.partition() == partition).forEach(current::add);
                }
            }
        }
        return current;
    }

    /** The account's next nonce, its row locked until {@code connection}'s transaction ends. */
    long lockNext(Connection connection, String account) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fleet_nonce VALUES (?, 0) ON CONFLICT DO NOTHING")) {
            insert.setString(1, account);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT next_nonce FROM fleet_nonce WHERE account = ? FOR UPDATE")) {
            select.setString(1, account);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sets the account's next nonce, in the transaction that locked it. */
    void raise(Connection connection, String account, long next) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_nonce SET next_nonce = ? WHERE account = ?")) {
            update.setLong(1, next);
            update.setString(2, account);
            update.executeUpdate();
        }
    }
}
