package org.energyweb.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.AnchorCheck;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Confirms a proof's anchor on an EVM node: the node is on the proof's chain, the transaction is
 * mined in the proof's block, was sent to the proof's contract and succeeded, and that contract's
 * {@code LogBatchAnchored} event in it carries the proof's root and size.
 */
public final class ChainAnchorCheck implements AnchorCheck {

    private final Eth eth;

    public ChainAnchorCheck(Eth eth) {
        this.eth = eth;
    }

    @Override
    public Optional<String> problem(Anchor anchor, byte[] root, long size) {
        long chainId = eth.chainId();
        if (chainId != anchor.chainId()) {
            return Optional.of("the node is on chain " + chainId + ", the proof names chain " + anchor.chainId());
        }
        JsonNode tx = eth.rpc().callAndWait("eth_getTransactionByHash", anchor.tx());
        if (tx == null || tx.isNull()) {
            return Optional.of("transaction " + anchor.tx() + " not found");
        }
        if (tx.path("blockNumber").isNull() || tx.path("blockNumber").isMissingNode()) {
            return Optional.of("transaction " + anchor.tx() + " is not mined");
        }
        long block = Eth.quantity(tx.get("blockNumber")).longValueExact();
        if (block != anchor.block()) {
            return Optional.of("transaction " + anchor.tx() + " is in block " + block + ", not " + anchor.block());
        }
        if (!anchor.contract().equalsIgnoreCase(tx.path("to").asText())) {
            return Optional.of("transaction " + anchor.tx() + " was sent to " + tx.path("to").asText() + ", not to " + anchor.contract());
        }
        Receipt receipt = eth.receipt(anchor.tx()).orElse(null);
        if (receipt == null || !receipt.succeeded()) {
            return Optional.of("transaction " + anchor.tx() + " did not succeed");
        }
        String rootHex = "0x" + HexFormat.of().formatHex(root);
        for (Log log : receipt.logs()) {
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
