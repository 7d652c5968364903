package org.energyweb.batch;

import org.energyweb.chain.origin.HopJournal;
import org.energyweb.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merkle batches anchored one transaction each: the key is the batch's id, its transaction is kept
 * on hop {@value BatchHop#TRANSACTION_HOP} under that id (a hop the ledger leaves out of its per-reading counts). A rejected batch gets no dead letter (there is no single
 * reading to replay); the {@link BatchAnchorer} records the batch itself dead with the reason.
 */
public final class BatchJournal extends HopJournal {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJournal.class);

    public BatchJournal(Ledger ledger) {
        super(ledger, BatchHop.TRANSACTION_HOP);
    }

    @Override
    public String describe(long key) {
        return "batch " + key;
    }

    @Override
    public void rejected(long key, String contract, String reason) {
        ledger.hops().recordAndWait(key, hop(), BatchHop.DEAD, deadDetail(reason));
        LOG.warn("batch {} not anchored on {}: {}", key, contract, reason);
    }
}
