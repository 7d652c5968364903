package org.energyweb.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The durable dead-letter store, in the same database as the ledger. */
public final class DeadLetters {

    private final Ledger ledger;

    DeadLetters(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Records a dead letter and returns it once committed. */
    public DeadLetter record(String meter, String source, String reason, byte[] payload) {
        Instant now = Instant.now();
        CompletableFuture<DeadLetter> done = new CompletableFuture<>();
        ledger.submit(new WriteJob() {
            long id;

            @Override
            public void apply(Writer.Statements statements) throws SQLException {
                PreparedStatement insert = statements.insertDeadLetter;
                insert.setLong(1, now.toEpochMilli());
                insert.setString(2, meter);
                insert.setString(3, source);
                insert.setString(4, reason);
                insert.setBytes(5, payload);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }

            @Override
            public void committed() {
                done.complete(new DeadLetter(id, now, meter, source, reason, payload));
            }

            @Override
            public void failed(Throwable cause) {
                done.completeExceptionally(cause);
            }
        });
        return Ledger.await(done);
    }

    /** The newest dead letters first, at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        return ledger.withReader(connection -> {
            List<DeadLetter> letters = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, recorded_at, meter, source, reason, payload FROM dead_letter ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        letters.add(new DeadLetter(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBytes(6)));
                    }
                }
            }
            return letters;
        });
    }

    public long count() {
        return ledger.withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM dead_letter");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
