package org.energyweb.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.energyweb.chain.origin.AnchorTransactionCheck;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.AnchorCheck;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Confirms a proof's anchor on an EVM node: the chain, block, success and confirmations of its transaction
 * ({@link AnchorTransactionCheck}), that it was sent to the proof's contract, and that the contract's
 * {@code LogBatchAnchored} event in it carries the proof's root and size.
 */
public final class ChainAnchorCheck implements AnchorCheck {

    private final AnchorTransactionCheck transaction;

    /** A check that takes the transaction's own block as enough confirmation. */
    public ChainAnchorCheck(Eth eth) {
        this(eth, 1);
    }

    /** @param confirmations blocks the transaction's block needs on top of the chain (itself included) */
    public ChainAnchorCheck(Eth eth, int confirmations) {
        this.transaction = new AnchorTransactionCheck(eth, confirmations);
    }

    @Override
    public Optional<String> problem(Anchor anchor, byte[] root, long size) {
        AnchorTransactionCheck.Outcome mined = transaction.check(anchor);
        if (mined.receipt() == null) {
            return Optional.of(mined.problem());
        }
        JsonNode tx = transaction.eth().rpc().callAndWait("eth_getTransactionByHash", anchor.tx());
        String to = tx == null ? "" : tx.path("to").asText();
        if (!anchor.contract().equalsIgnoreCase(to)) {
            return Optional.of("transaction " + anchor.tx() + " was sent to " + to + ", not to " + anchor.contract());
        }
        String rootHex = "0x" + HexFormat.of().formatHex(root);
        for (Log log : mined.receipt().logs()) {
            if (log.address().equalsIgnoreCase(anchor.contract()) && ReadingAnchorContract.LOG_BATCH_ANCHORED.matches(log)) {
                Map<String, Object> event = ReadingAnchorContract.LOG_BATCH_ANCHORED.decode(log);
                if (rootHex.equalsIgnoreCase((String) event.get("root"))) {
                    BigInteger anchoredSize = (BigInteger) event.get("size");
                    return anchoredSize.equals(BigInteger.valueOf(size)) ? Optional.empty()
                            : Optional.of("root anchored with size " + anchoredSize + ", the proof says " + size);
                }
            }
        }
        return Optional.of("transaction " + anchor.tx() + " did not anchor root " + rootHex.substring(2));
    }
}
