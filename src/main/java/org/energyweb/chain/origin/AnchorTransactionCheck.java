package org.energyweb.chain.origin;

import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.proof.Anchor;

/**
 * What every proof's anchor must show on an EVM node before its event is looked at, whatever was anchored (a batch root
 * or a log checkpoint): the node is on the proof's chain, the proof's transaction was mined in the proof's block and
 * succeeded, and that block has the confirmations asked for. One place, so that both kinds of proof are held to the same
 * chain checks and messages.
 */
public final class AnchorTransactionCheck {

    /** The transaction's receipt when the chain checks out, otherwise (receipt null) the reason fit for a person. */
    public record Outcome(Receipt receipt, String problem) {

        static Outcome refused(String problem) {
            return new Outcome(null, problem);
        }
    }

    private final Eth eth;
    private final int confirmations;

    /** @param confirmations blocks the transaction's block needs on top of the chain (itself included) */
    public AnchorTransactionCheck(Eth eth, int confirmations) {
        if (confirmations < 1) {
            throw new IllegalArgumentException("confirmations must be at least 1: " + confirmations);
        }
        this.eth = eth;
        this.confirmations = confirmations;
    }

    public Eth eth() {
        return eth;
    }

    public Outcome check(Anchor anchor) {
        long chainId = eth.chainId();
        if (chainId != anchor.chainId()) {
            return Outcome.refused("the node is on chain " + chainId + ", the proof names chain " + anchor.chainId());
        }
        Receipt receipt = eth.receipt(anchor.tx()).orElse(null);
        if (receipt == null) {
            return Outcome.refused("transaction " + anchor.tx() + " not found (not mined, or unknown to the node)");
        }
        if (receipt.blockNumber() != anchor.block()) {
            return Outcome.refused("transaction " + anchor.tx() + " is in block " + receipt.blockNumber() + ", not " + anchor.block());
        }
        if (!receipt.succeeded()) {
            return Outcome.refused("transaction " + anchor.tx() + " did not succeed");
        }
        long confirmed = eth.blockNumber() - receipt.blockNumber() + 1;
        if (confirmed < confirmations) {
            return Outcome.refused("transaction " + anchor.tx() + " has " + confirmed + " confirmation(s), fewer than the "
                    + confirmations + " asked for");
        }
        return new Outcome(receipt, null);
    }
}
