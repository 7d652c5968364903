package org.energyweb.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The transaction nonces allocated per signing account. A nonce is persisted together with the
 * hop state of the reading that owns it, in one transaction: after a crash every allocated nonce
 * has an owner to resend it, so none is skipped, and the high-water mark means none is reused.
 */
public final class NonceStore {

    private final Ledger ledger;

    NonceStore(Ledger ledger) {
        this.ledger = ledger;
    }

    /** One past the highest nonce ever allocated for {@code account}, if any was. */
    public OptionalLong next(String account) {
        return ledger.withReader(connection -> {
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
        return ledger.write(statements -> {
            statements.raiseNonce.setString(1, account);
            statements.raiseNonce.setLong(2, nonce + 1);
            statements.raiseNonce.executeUpdate();
            Hops.upsert(statements, position, hop, state, detail);
        });
    }
}
