package org.energyweb.chain.origin;

import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readings anchored one transaction each: the key is the reading's ledger position, its transaction
 * is kept on the reading's {@value ChainHop#HOP} hop, and a reading that will not be anchored gets a
 * dead letter, so {@code energyweb dlq replay} sends it again once the cause is fixed.
 */
public final class ReadingJournal extends HopJournal {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingJournal.class);

    public ReadingJournal(Ledger ledger) {
        super(ledger, ChainHop.HOP);
    }

    @Override
    public String describe(long key) {
        return "reading @" + key;
    }

    /** Records the reading dead with its dead letter in one commit and names its meter in the log. */
    @Override
    public void rejected(long key, String contract, String reason) {
        DeadLetter letter = ledger.deadLetters().recordUndelivered(key, hop(), ChainHop.DEAD, deadDetail(reason),
                "chain:" + contract, describe(key) + " not anchored: " + reason);
        LOG.warn("reading @{} of meter {} not anchored: {}; the other readings go on. Dead letter {}: fix the cause, then "
                + "energyweb dlq replay --id {} sends it again", key, letter.meter(), reason, letter.id(), letter.id());
    }
}
