package org.energyweb.chain.tx;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Where a {@link TransactionPipeline} keeps the transactions of what it anchors, and the one way it
 * reports their outcomes. The pipeline knows each thing it anchors only by an opaque key that the
 * journal gives meaning to (a reading's ledger position, a Merkle batch's id); every step is recorded
 * before the next one is taken, so a restart resumes from what the journal holds.
 */
public interface TransactionJournal {

    /**
     * What the journal holds for one key.
     *
     * @param state  one of {@link ChainHop}'s states
     * @param detail the pipeline's own record of the transaction (JSON), handed back as it was given
     */
    record Entry(long key, String state, String detail) {
    }

    /** The key in words, for logs and errors: "reading @42", "batch 7". */
    String describe(long key);

    /** Every key whose transaction is in one of the states {@link ChainHop#IN_FLIGHT}. */
    List<Entry> inFlight();

    /** What is recorded for those of {@code keys} that have anything recorded. */
    Map<Long, Entry> recorded(Collection<Long> keys);

    /**
     * Records that {@code nonce} of {@code account} belongs to {@code key}, whose transaction is then
     * {@link ChainHop#NONCE_ALLOCATED}, in one commit: after a crash every allocated nonce has an owner.
     * A journal shared by several processes signing with the same account completes it at once,
     * failed with {@link NonceTakenException} when another process recorded that nonce first; any
     * other failure it completes with at once (the key is no longer this process's to send) fails
     * the key's result and hands the nonce out again.
     */
    CompletableFuture<Void> allocated(String account, long nonce, long key, String detail);

    /** Records the transaction's next state ({@link ChainHop#SENT}, {@link ChainHop#MINED}, {@link ChainHop#CONFIRMED}). */
    CompletableFuture<Void> record(long key, String state, String detail);

    /**
     * {@code key} will not be anchored (a revert, a gas cap, a call that cannot be made): recorded
     * {@link ChainHop#DEAD} with the reason before this returns, so nothing sends it again by itself.
     *
     * @param contract the contract it was to be anchored on
     */
    void rejected(long key, String contract, String reason);

    /**
     * Those of {@code keys} this process may no longer send, because another process took them over
     * (the anchor service's worker lost the partition of the batch): checked before a transaction is
     * broadcast again, and the pipeline drops them, failing their results, so a process that was
     * fenced off re-broadcasts nothing. A journal kept by one process alone never gives any up.
     */
    default Set<Long> relinquished(Collection<Long> keys) {
        return Set.of();
    }

    /** The signing accounts' nonce records, which the pipeline seeds from and rewinds when the chain lost transactions. */
    NonceRecords nonces();

    /** The name the journal's transactions are recorded under in {@link #nonces()}. */
    String hop();
}
