package org.energyweb.ledger;

import org.energyweb.chain.tx.NonceRecords;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The transaction nonces allocated per signing account. A nonce is persisted together with the
 * hop state of the reading that owns it, in one transaction: after a crash every allocated nonce
 * has an owner to resend it, so none is skipped, and the high-water mark means none is reused.
 */
public final class NonceStore implements NonceRecords {

    /** The chain hop's detail names the sending account and its chain (see the transaction pipeline's flights). */
    private static final String OF_ACCOUNT = "json_valid(detail) AND json_extract(detail, '$.chainId') = ? "
            + "AND lower(json_extract(detail, '$.from')) = ?";

    private final LedgerAppender appender;
    private final LedgerReader reader;

    NonceStore(LedgerAppender appender, LedgerReader reader) {
        this.appender = appender;
        this.reader = reader;
    }

    @Override
    public OptionalLong next(String account) {
        return reader.withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT next FROM nonce WHERE account = ?")) {
                select.setString(1, account);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /**
     * Records that {@code nonce} of {@code account} now belongs to the reading at {@code position},
     * whose state on {@code hop} becomes {@code state}. The future completes once both are committed.
     */
    public CompletableFuture<Void> allocate(String account, long nonce, long position, String hop, String state, String detail) {
        return appender.write(statements -> {
            statements.raiseNonce.setString(1, account);
            statements.raiseNonce.setLong(2, nonce + 1);
            statements.raiseNonce.executeUpdate();
            Hops.upsert(statements, position, hop, state, detail);
        });
    }

    @Override
    public OptionalLong highest(String hop, long chainId, String from, Collection<String> states) {
        return reader.withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MAX(json_extract(detail, '$.nonce')) FROM hop "
                    + "WHERE hop = ? AND " + OF_ACCOUNT + " AND state IN (" + String.join(",", Collections.nCopies(states.size(), "?")) + ")")) {
                int i = bindAccount(select, hop, chainId, from);
                for (String state : states) {
                    select.setString(++i, state);
                }
                try (ResultSet rs = select.executeQuery()) {
                    long highest = rs.next() ? rs.getLong(1) : 0;
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(highest);
                }
            }
        });
    }

    /**
     * For a chain that lost transactions the ledger recorded (a dev chain restarted without its
     * state, a reorganisation deeper than the confirmations): forgets every state but
     * {@code keepState} that {@code hop} recorded for transactions of {@code from} with a nonce from
     * {@code chainNonce} on, and lowers {@code account}'s next nonce to {@code chainNonce}, in one commit.
     * Those readings are then pending again and get new nonces from where the chain really is.
     *
     * @return the ledger positions whose state was forgotten
     */
    @Override
    public List<Long> rewind(String account, String hop, long chainId, String from, long chainNonce, String keepState) {
        List<Long> positions = new ArrayList<>();
        return LedgerAppender.await(appender.write(statements -> {
            positions.clear();
            String where = "WHERE hop = ? AND " + OF_ACCOUNT + " AND json_extract(detail, '$.nonce') >= ? AND state <> ?";
            try (PreparedStatement select = statements.connection.prepareStatement("SELECT position FROM hop " + where);
                 PreparedStatement delete = statements.connection.prepareStatement("DELETE FROM hop " + where)) {
                for (PreparedStatement statement : List.of(select, delete)) {
                    int i = bindAccount(statement, hop, chainId, from);
                    statement.setLong(++i, chainNonce);
                    statement.setString(++i, keepState);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        positions.add(rs.getLong(1));
                    }
                }
                delete.executeUpdate();
            }
            try (PreparedStatement lower = statements.connection.prepareStatement("UPDATE nonce SET next = ? WHERE account = ?")) {
                lower.setLong(1, chainNonce);
                lower.setString(2, account);
                lower.executeUpdate();
            }
        }).thenApply(committed -> List.copyOf(positions)));
    }

    private static int bindAccount(PreparedStatement statement, String hop, long chainId, String from) throws SQLException {
        statement.setString(1, hop);
        statement.setLong(2, chainId);
        statement.setString(3, from.toLowerCase(Locale.ROOT));
        return 3;
    }
}
