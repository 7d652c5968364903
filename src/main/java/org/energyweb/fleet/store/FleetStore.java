package org.energyweb.fleet.store;

import org.energyweb.fleet.service.InboundReading;
import org.energyweb.fleet.service.MeterHead;
import org.energyweb.fleet.service.ServiceManifest;
import org.energyweb.proof.MerkleTree;
import org.energyweb.reading.ReadingDocument;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The anchor service's state in PostgreSQL: per partition its owner's epoch and the next offset to
 * read, the accepted readings with their meters' chain heads, the dead letters and the Merkle batches.
 * A partition's accepted readings are its append-only log (numbered 0, 1, 2, ... as they are accepted, the
 * log's size kept with the offset), and a batch is a range of that log.
 * Every write for a partition happens in one transaction that first locks the partition's row and
 * checks the writer's epoch, so the readings, the dead letters and the consumed offset move together
 * (a crash or a redelivery neither loses nor repeats a reading) and a worker that lost the partition
 * writes nothing. One store (one connection) per worker thread, which keeps what polls ask again and again
 * (the known gateways, each partition's held readings); the dead letters' statements are
 * {@link DeadLetterTable}'s, the batches' way on chain {@link BatchChainStore}'s, on the same session.
 */
public final class FleetStore implements AutoCloseable {

    /** A reading the check accepted, with where it was read. */
    public record Accepted(InboundReading in, ReadingDocument document) {
    }

    /** A reading the check refused, with the reason; {@code held} when it waits for a missing reading of its meter. */
    public record Refused(InboundReading in, String reason, boolean held) {
    }

    /** A held reading that was accepted once the reading it waited for arrived. */
    public record Released(String meter, long seq, String sha256) {
    }

    /** A dead letter as stored; {@code released} when it was held and later accepted. */
    public record DeadLetter(int partition, long offset, String gateway, String meter, String seq, String reason, boolean released) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final Session session;
    private final DeadLetterTable deadLetters;
    /** The known gateways as last read; null: to be read. */
    private Set<String> gateways;
    /** Per partition (topic#partition): the meter#seq of its held readings, as this store last read or committed them. */
    private final Map<String, Set<String>> held = new HashMap<>();

    public FleetStore(String jdbcUrl) {
        this.session = new Session(jdbcUrl);
        this.deadLetters = new DeadLetterTable(session);
        session.inTransaction(connection -> {
            FleetSchema.migrate(connection);
            return null;
        });
    }

    /** The same database session, for the batches' way on chain: one connection per worker thread. */
    public BatchChainStore chainStore() {
        return new BatchChainStore(session);
    }

    public void addGateway(String id) {
        session.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fleet_gateway VALUES (?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, id);
                insert.executeUpdate();
            }
            return null;
        });
        gateways = null;
    }

    /**
     * The known gateways, as last read: gateways are only ever added, so the set is read again only when a
     * reading names a gateway it lacks ({@link #gatewaysWith}).
     */
    public Set<String> gateways() {
        if (gateways == null) {
            gateways = session.inTransaction(connection -> {
                Set<String> ids = new HashSet<>();
                try (Statement select = connection.createStatement(); ResultSet rs = select.executeQuery("SELECT id FROM fleet_gateway")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return Set.copyOf(ids);
            });
        }
        return gateways;
    }

    /** The known gateways, read again when one of {@code named} is not among them as last read (added since). */
    public Set<String> gatewaysWith(Collection<String> named) {
        if (!gateways().containsAll(named.stream().filter(Objects::nonNull).toList())) {
            gateways = null;
        }
        return gateways();
    }

    /** Takes the partition for {@code worker}: a new epoch, which fences every earlier owner. */
    public PartitionClaim claim(String topic, int partition, String worker) {
        // another worker may have held and released readings of the partition since this one last owned it
        held.remove(partitionKey(topic, partition));
        return session.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO fleet_partition (topic, partition, epoch, owner) "
                    + "VALUES (?, ?, 1, ?) ON CONFLICT (topic, partition) DO UPDATE SET epoch = fleet_partition.epoch + 1, owner = EXCLUDED.owner "
                    + "RETURNING epoch, next_offset")) {
                upsert.setString(1, topic);
                upsert.setInt(2, partition);
                upsert.setString(3, worker);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    return new PartitionClaim(topic, partition, worker, rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    /** The heads of those of {@code meters} that have one, in one query. */
    public Map<String, MeterHead> heads(Collection<String> meters) {
        return session.inTransaction(connection -> {
            Map<String, MeterHead> heads = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT meter, gateway, seq, sha256 FROM fleet_meter WHERE meter = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", meters.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        heads.put(rs.getString(1), new MeterHead(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                    }
                }
            }
            return heads;
        });
    }

    public Optional<String> digest(String meter, long seq) {
        return session.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT sha256 FROM fleet_reading WHERE meter = ? AND seq = ?")) {
                select.setString(1, meter);
                select.setLong(2, seq);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Stores what was read from a partition up to {@code nextOffset} (exclusive) in one transaction:
     * the accepted readings appended to the partition's log and their meters' new heads (one upsert per meter:
     * its last accepted reading), the dead letters, the held readings now released (accepted among {@code accepted}),
     * and the offset with the log's new size.
     *
     * @throws FencedException when the partition was claimed by another worker since {@code claim}; nothing is written
     */
    public void commit(PartitionClaim claim, List<Accepted> accepted, List<Refused> refused, List<Released> released, long nextOffset) {
        try {
            session.inTransaction(connection -> {
                long logSize = session.lockAsOwner(connection, claim);
                ReadingLog.append(connection, accepted, logSize);
                try (PreparedStatement head = connection.prepareStatement("INSERT INTO fleet_meter VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (meter) DO UPDATE SET seq = EXCLUDED.seq, sha256 = EXCLUDED.sha256")) {
                    Map<String, Accepted> lastOfMeter = new LinkedHashMap<>();
                    accepted.forEach(a -> lastOfMeter.put(a.document().reading().meter(), a));
                    for (Accepted a : lastOfMeter.values()) {
                        head.setString(1, a.document().reading().meter());
                        head.setString(2, a.in().gateway());
                        head.setLong(3, a.document().reading().seq());
                        head.setString(4, a.document().sha256Hex());
                        head.addBatch();
                    }
                    head.executeBatch();
                }
                DeadLetterTable.insert(connection, refused);
                DeadLetterTable.release(connection, released);
                try (PreparedStatement offset = connection.prepareStatement(
                        "UPDATE fleet_partition SET next_offset = ?, log_size = ? WHERE topic = ? AND partition = ?")) {
                    offset.setLong(1, nextOffset);
                    offset.setLong(2, logSize + accepted.size());
                    offset.setString(3, claim.topic());
                    offset.setInt(4, claim.partition());
                    offset.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException failed) {
            // fenced, or an outcome this worker cannot know: the database's held readings are read again
            held.remove(partitionKey(claim.topic(), claim.partition()));
            throw failed;
        }
        Set<String> heldKeys = held.get(partitionKey(claim.topic(), claim.partition()));
        if (heldKeys != null) {
            refused.stream().filter(Refused::held).forEach(r -> heldKeys.add(r.in().meter() + "#" + r.in().seq()));
            released.forEach(r -> heldKeys.remove(r.meter() + "#" + r.seq()));
        }
    }

    /**
     * Forms the partition's next Merkle batch from up to {@code maxSize} of its log's readings after its last
     * batch (leaves: the documents' SHA-256, as the gateway's batches, taken from the stored column: the check
     * computed it from the document before the reading was accepted), with the CID of its {@link ServiceManifest},
     * fenced like {@link #commit}. The batch is the range of the log it covers: no reading row is written.
     * Returns the batch id, or empty when no reading waits.
     */
    public Optional<Long> formBatch(PartitionClaim claim, int maxSize) {
        return session.inTransaction(connection -> {
            long logSize = session.lockAsOwner(connection, claim);
            long first = batchedEnd(connection, claim);
            if (first >= logSize) {
                return Optional.<Long>empty();
            }
            long end = Math.min(logSize, first + maxSize);
            List<byte[]> leaves = new ArrayList<>();
            List<ServiceManifest.Leaf> manifestLeaves = new ArrayList<>();
            long firstOffset = -1;
            long lastOffset = -1;
            try (PreparedStatement select = connection.prepareStatement("SELECT sha256, record_offset, gateway, meter, seq FROM fleet_reading "
                    + "WHERE topic = ? AND partition = ? AND log_index >= ? AND log_index < ? ORDER BY log_index")) {
                select.setString(1, claim.topic());
                select.setInt(2, claim.partition());
                select.setLong(3, first);
                select.setLong(4, end);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        leaves.add(HEX.parseHex(rs.getString(1)));
                        manifestLeaves.add(new ServiceManifest.Leaf(rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(1)));
                        firstOffset = firstOffset < 0 ? rs.getLong(2) : firstOffset;
                        lastOffset = rs.getLong(2);
                    }
                }
            }
            if (leaves.size() != end - first) {
                throw new IllegalStateException(claim.topic() + "-" + claim.partition() + ": the log holds " + leaves.size()
                        + " readings at [" + first + ", " + end + "), not " + (end - first));
            }
            MerkleTree tree = MerkleTree.ofLeafInputs(leaves);
            String manifestCid = ServiceManifest.cid(ServiceManifest.json(claim.topic(), claim.partition(), firstOffset, lastOffset, tree.root(),
                    manifestLeaves)).toString();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fleet_batch "
                    + "(topic, partition, root, size, first_offset, last_offset, manifest_cid, state, first_index, end_index) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, '" + BatchState.FORMED + "', ?, ?) RETURNING id")) {
                insert.setString(1, claim.topic());
                insert.setInt(2, claim.partition());
                insert.setBytes(3, tree.root());
                insert.setInt(4, tree.size());
                insert.setLong(5, firstOffset);
                insert.setLong(6, lastOffset);
                insert.setString(7, manifestCid);
                insert.setLong(8, first);
                insert.setLong(9, end);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return Optional.of(rs.getLong(1));
                }
            }
        });
    }

    /** Where the partition's last batch ends in its log: the first reading not in a batch. */
    private static long batchedEnd(Connection connection, PartitionClaim claim) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT end_index FROM fleet_batch WHERE topic = ? AND partition = ? ORDER BY first_index DESC LIMIT 1")) {
            select.setString(1, claim.topic());
            select.setInt(2, claim.partition());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * The meter#seq of every reading held (and not yet released) in a partition: read once, then kept as this
     * store's commits change it (the partition's owner is its only writer), read again after {@link #claim}
     * and after a commit that failed.
     */
    public Set<String> heldKeys(String topic, int partition) {
        return Collections.unmodifiableSet(held.computeIfAbsent(partitionKey(topic, partition),
                key -> new HashSet<>(deadLetters.heldKeys(topic, partition))));
    }

    /** The first reading held for a meter's seq, as it was read, if any. */
    public Optional<InboundReading> held(String meter, long seq) {
        return deadLetters.held(meter, seq);
    }

    /** The accepted seqs of a meter, in order. */
    public List<Long> acceptedSeqs(String meter) {
        return session.inTransaction(connection -> {
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT seq FROM fleet_reading WHERE meter = ? ORDER BY seq")) {
                select.setString(1, meter);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        seqs.add(rs.getLong(1));
                    }
                }
            }
            return seqs;
        });
    }

    /** Accepted readings, over all partitions. */
    public long acceptedCount() {
        return count("SELECT count(*) FROM fleet_reading");
    }

    /** The worker that holds each claimed partition of {@code topic}. */
    public Map<Integer, String> owners(String topic) {
        return session.inTransaction(connection -> {
            Map<Integer, String> owners = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT partition, owner FROM fleet_partition WHERE topic = ?")) {
                select.setString(1, topic);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        owners.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return owners;
        });
    }

    /** Accepted readings not in a Merkle batch yet, over all partitions. */
    public long unbatchedCount() {
        return count("SELECT coalesce(sum(log_size - coalesce((SELECT max(end_index) FROM fleet_batch b "
                + "WHERE b.topic = p.topic AND b.partition = p.partition), 0)), 0) FROM fleet_partition p");
    }

    private long count(String sql) {
        return session.inTransaction(connection -> {
            try (Statement select = connection.createStatement(); ResultSet rs = select.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    /** The next offset to read of a partition, as last committed. */
    public long nextOffset(String topic, int partition) {
        return session.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT next_offset FROM fleet_partition WHERE topic = ? AND partition = ?")) {
                select.setString(1, topic);
                select.setInt(2, partition);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private static String partitionKey(String topic, int partition) {
        return topic + "#" + partition;
    }

    @Override
    public void close() {
        session.close();
    }
}
