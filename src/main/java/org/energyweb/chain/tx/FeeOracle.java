package org.energyweb.chain.tx;

import org.energyweb.chain.rpc.Block;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.RpcCall;
import org.energyweb.chain.rpc.RpcReply;

import java.math.BigInteger;
import java.util.List;

/**
 * Today's fees: EIP-1559 when the latest block has a base fee, otherwise the node's legacy gas
 * price. The fee cap is twice the base fee plus the tip, so a transaction stays includable while
 * the base fee rises through several full blocks.
 */
public final class FeeOracle {

    static final BigInteger ONE_GWEI = BigInteger.TEN.pow(9);

    private final Eth eth;

    public FeeOracle(Eth eth) {
        this.eth = eth;
    }

    public Fees current() {
        List<RpcReply> replies = eth.rpc().batchAndWait(List.of(Eth.latestBlockCall(),
                RpcCall.of("eth_maxPriorityFeePerGas"), RpcCall.of("eth_gasPrice")));
        Block latest = Block.of(replies.get(0).resultOrThrow());
        if (latest.baseFee().isEmpty()) {
            return Fees.legacy(Eth.quantity(replies.get(2).resultOrThrow()));
        }
        // Some nodes lack eth_maxPriorityFeePerGas; one gwei is what most wallets tip then.
        BigInteger tip = replies.get(1).isError() ? ONE_GWEI : Eth.quantity(replies.get(1).result());
        return Fees.eip1559(latest.baseFee().get().shiftLeft(1).add(tip), tip);
    }
}
