package org.energyweb.fleet.store;

import org.energyweb.fleet.service.InboundReading;
import org.energyweb.fleet.store.FleetStore.DeadLetter;
import org.energyweb.fleet.store.FleetStore.Refused;
import org.energyweb.fleet.store.FleetStore.Released;
import org.energyweb.reading.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The anchor service's dead letters, and among them the held readings (a gap in a meter's chain):
 * written inside {@link FleetStore#commit}'s fenced transaction so they move with the readings and
 * the offset, read on the same session for the held-gap bookkeeping and the listing.
 */
final class DeadLetterTable {

    private final Session session;

    DeadLetterTable(Session session) {
        this.session = session;
    }

    /** Adds the refused readings, in the caller's transaction. */
    static void insert(Connection connection, List<Refused> refused) throws SQLException {
        try (PreparedStatement dead = connection.prepareStatement("INSERT INTO fleet_dead_letter "
                + "(topic, partition, record_offset, gateway, meter, seq, reason, document, held) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Refused r : refused) {
                dead.setString(1, r.in().topic());
                dead.setInt(2, r.in().partition());
                dead.setLong(3, r.in().offset());
                dead.setString(4, r.in().gateway());
                dead.setString(5, r.in().meter());
                dead.setString(6, r.in().seq());
                dead.setString(7, r.reason());
                dead.setBytes(8, r.in().document());
                dead.setBoolean(9, r.held());
                dead.addBatch();
            }
            dead.executeBatch();
        }
    }

    /** Marks the held readings now accepted as released, in the caller's transaction. */
    static void release(Connection connection, List<Released> released) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE fleet_dead_letter SET released_at = now() "
                + "WHERE meter = ? AND seq = ? AND held AND released_at IS NULL AND encode(sha256(document), 'hex') = ?")) {
            for (Released r : released) {
                release.setString(1, r.meter());
                release.setString(2, String.valueOf(r.seq()));
                release.setString(3, r.sha256());
                release.addBatch();
            }
            release.executeBatch();
        }
    }

    /** The meter#seq of every reading held (and not yet released) in a partition. */
    Set<String> heldKeys(String topic, int partition) {
        return session.inTransaction(connection -> {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT meter, seq FROM fleet_dead_letter "
                    + "WHERE topic = ? AND partition = ? AND held AND released_at IS NULL")) {
                select.setString(1, topic);
                select.setInt(2, partition);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1) + "#" + rs.getString(2));
                    }
                }
            }
            return keys;
        });
    }

    /** The first reading held for a meter's seq, as it was read, if any. */
    Optional<InboundReading> held(String meter, long seq) {
        return session.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT topic, partition, record_offset, gateway, document "
                    + "FROM fleet_dead_letter WHERE meter = ? AND seq = ? AND held AND released_at IS NULL ORDER BY id LIMIT 1")) {
                select.setString(1, meter);
                select.setString(2, String.valueOf(seq));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<InboundReading>empty();
                    }
                    byte[] document = rs.getBytes(5);
                    // it passed the record checks when it was held: key and headers were the document's
                    return Optional.of(new InboundReading(rs.getString(1), rs.getInt(2), rs.getLong(3), meter, rs.getString(4), meter,
                            String.valueOf(seq), Sha256.hex(Sha256.digest(document)), document));
                }
            }
        });
    }

    /** Every dead letter, in the order they were written. */
    List<DeadLetter> list() {
        return session.inTransaction(connection -> {
            List<DeadLetter> letters = new ArrayList<>();
            try (Statement select = connection.createStatement(); ResultSet rs = select.executeQuery(
                    "SELECT partition, record_offset, gateway, meter, seq, reason, released_at IS NOT NULL FROM fleet_dead_letter ORDER BY id")) {
                while (rs.next()) {
                    letters.add(new DeadLetter(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getBoolean(7)));
                }
            }
            return letters;
        });
    }
}
