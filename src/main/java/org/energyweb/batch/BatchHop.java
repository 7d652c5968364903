package org.energyweb.batch;

import org.energyweb.ledger.Batches;

import java.util.List;

/**
 * The states of Merkle anchoring. A batch goes formed -> manifest-stored -> confirmed (or dead); its
 * one transaction goes through the transaction pipeline's states (nonce-allocated, sent, mined,
 * confirmed) on hop {@link #TRANSACTION_HOP}. Each reading of a batch reads as {@code batched} on hop
 * {@link #HOP} from the moment the batch is formed, then {@code confirmed} with the block, the
 * convention {@code energyweb status} reads; the ledger derives these from the batch.
 */
public final class BatchHop {

    /** The per-reading hop. */
    public static final String HOP = Batches.READING_HOP;
    /** The hop of the batches' transactions (see {@link BatchJournal}). */
    public static final String TRANSACTION_HOP = Batches.TRANSACTION_HOP;

    /** Reading state: its batch is recorded but not yet confirmed or dead. */
    public static final String BATCHED = Batches.BATCHED;
    /** Batch state: the batch is recorded with its root; the manifest is not stored yet. */
    public static final String FORMED = "formed";
    /** Batch state: the manifest is stored (locally, and on IPFS when a node is configured); its CID goes on chain. */
    public static final String MANIFEST_STORED = "manifest-stored";
    /** Batch and reading state: the anchor transaction has the configured confirmations; detail holds the anchor. */
    public static final String CONFIRMED = Batches.CONFIRMED;
    /** Batch and reading state: the anchor transaction was refused (a revert); detail holds the reason. */
    public static final String DEAD = Batches.DEAD;

    public static final List<String> FINAL = List.of(CONFIRMED, DEAD);

    private BatchHop() {
    }
}
