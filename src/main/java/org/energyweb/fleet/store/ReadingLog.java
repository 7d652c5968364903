package org.energyweb.fleet.store;

import org.energyweb.fleet.store.FleetStore.Accepted;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends accepted readings to their partition's log ({@code fleet_reading}) with one {@code COPY} in
 * PostgreSQL's binary format: one message stream for the whole poll instead of statements of rows, and no
 * text conversion of the documents or the numbers.
 */
final class ReadingLog {

    private static final String COPY = "COPY fleet_reading (sha256, meter, seq, gateway, document, topic, partition, record_offset, log_index) "
            + "FROM STDIN (FORMAT binary)";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final short COLUMNS = 9;

    private ReadingLog() {
    }

    /** Appends {@code accepted} at log indexes {@code logSize}, {@code logSize + 1}, ... in the caller's transaction. */
    static void append(Connection connection, List<Accepted> accepted, long logSize) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(accepted.size() * 400);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
            long index = logSize;
            for (Accepted a : accepted) {
                out.writeShort(COLUMNS);
                text(out, a.document().sha256Hex());
                text(out, a.document().reading().meter());
                int8(out, a.document().reading().seq());
                text(out, a.in().gateway());
                field(out, a.document().bytes());
                text(out, a.in().topic());
                out.writeInt(4);
                out.writeInt(a.in().partition());
                int8(out, a.in().offset());
                int8(out, index++);
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new SQLException("cannot send the readings to the database: " + e.getMessage(), e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        field(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void int8(DataOutputStream out, long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
