package org.energyweb.tlog.anchor;

import org.energyweb.chain.origin.HopJournal;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ledger.Hops;
import org.energyweb.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transparency log's checkpoints anchored one transaction each: the key is the checkpoint's tree size (unique per
 * log, and growing, as the contract requires), its transaction is kept on hop {@value Hops#CHECKPOINT_TRANSACTION_HOP}
 * under that size. A refused checkpoint gets no dead letter (there is no reading to replay): it is recorded dead with
 * the reason, and the next, larger checkpoint is anchored instead.
 */
public final class CheckpointJournal extends HopJournal {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointJournal.class);

    public CheckpointJournal(Ledger ledger) {
        super(ledger, Hops.CHECKPOINT_TRANSACTION_HOP);
    }

    @Override
    public String describe(long key) {
        return "log checkpoint of size " + key;
    }

    @Override
    public void rejected(long key, String contract, String reason) {
        ledger.hops().recordAndWait(key, hop(), ChainHop.DEAD, deadDetail(reason));
        LOG.warn("log checkpoint of size {} not anchored on {}: {}; the next checkpoint is anchored instead", key, contract, reason);
    }
}
