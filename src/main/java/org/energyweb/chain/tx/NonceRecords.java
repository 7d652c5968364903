package org.energyweb.chain.tx;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a {@link TransactionJournal} remembers of its signing accounts' nonces, for the pipeline's
 * start: where to seed the account's next nonce, and how to re-anchor when the chain lost
 * transactions the journal saw mined ({@link LostTransactions}). A gateway keeps them in its ledger,
 * the anchor service in PostgreSQL. Allocating a nonce is the journal's
 * {@link TransactionJournal#allocated}, committed with the key's transaction.
 */
public interface NonceRecords {

    /** One past the highest nonce ever allocated for {@code account} ({@link NonceManager#account}), if any was. */
    OptionalLong next(String account);

    /**
     * The highest nonce of {@code from} on {@code chainId} whose transaction {@code hop} recorded in
     * one of {@code states} (mined, confirmed), if any.
     */
    OptionalLong highest(String hop, long chainId, String from, Collection<String> states);

    /**
     * Forgets every state but {@code keepState} that {@code hop} recorded for transactions of
     * {@code from} with a nonce from {@code chainNonce} on, and lowers {@code account}'s next nonce to
     * {@code chainNonce}, in one commit: those keys are pending again and get new nonces.
     *
     * @return the keys whose state was forgotten
     */
    List<Long> rewind(String account, String hop, long chainId, String from, long chainNonce, String keepState);
}
