package org.energyweb.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code eth_*} calls Energyweb makes, typed. Each has a {@code ...Call} form for batches and
 * a parser for its reply, so a batch and a single call read the node's answer the same way.
 */
public final class Eth {

    private final JsonRpcClient rpc;

    public Eth(JsonRpcClient rpc) {
        this.rpc = rpc;
    }

    public JsonRpcClient rpc() {
        return rpc;
    }

    public long chainId() {
        return quantity(rpc.callAndWait("eth_chainId")).longValueExact();
    }

    public long blockNumber() {
        return quantity(rpc.callAndWait("eth_blockNumber")).longValueExact();
    }

    /** The account's transaction count at {@code blockTag} ("latest" or "pending"). */
    public long transactionCount(String address, String blockTag) {
        return quantity(rpc.callAndWait("eth_getTransactionCount", address, blockTag)).longValueExact();
    }

    public static RpcCall latestBlockCall() {
        return RpcCall.of("eth_getBlockByNumber", "latest", false);
    }

    public Optional<Block> block(long number) {
        JsonNode block = rpc.callAndWait("eth_getBlockByNumber", Numeric.encodeQuantity(BigInteger.valueOf(number)), false);
        return block.isNull() ? Optional.empty() : Optional.of(Block.of(block));
    }

    /**
     * Estimated against the latest block, not the default "pending" one: on a node with thousands
     * of our own transactions in its pool, building a pending block for every estimate is what
     * makes estimates slow, and our calls do not depend on each other.
     */
    public static RpcCall estimateGasCall(String from, String to, String data) {
        return RpcCall.of("eth_estimateGas", transaction(from, to, data), "latest");
    }

    public BigInteger estimateGas(String from, String to, String data) {
        try {
            return quantity(rpc.callAndWait("eth_estimateGas", transaction(from, to, data), "latest"));
        } catch (RpcException e) {
            throw Revert.isRevert(e) ? new RevertException(Revert.reason(e), e) : e;
        }
    }

    /** Executes a call without a transaction, at {@code blockTag}; a revert becomes a {@link RevertException}. */
    public String call(String from, String to, String data, String blockTag) {
        try {
            return rpc.callAndWait("eth_call", transaction(from, to, data), blockTag).asText();
        } catch (RpcException e) {
            throw Revert.isRevert(e) ? new RevertException(Revert.reason(e), e) : e;
        }
    }

    public static RpcCall sendRawCall(String signedHex) {
        return RpcCall.of("eth_sendRawTransaction", signedHex);
    }

    public String sendRaw(String signedHex) {
        return rpc.callAndWait("eth_sendRawTransaction", signedHex).asText();
    }

    public static RpcCall receiptCall(String txHash) {
        return RpcCall.of("eth_getTransactionReceipt", txHash);
    }

    public Optional<Receipt> receipt(String txHash) {
        return Receipt.parse(rpc.callAndWait("eth_getTransactionReceipt", txHash));
    }

    public List<Log> logs(String address, List<String> topic0s, long fromBlock, long toBlock) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("address", address);
        filter.put("fromBlock", Numeric.encodeQuantity(BigInteger.valueOf(fromBlock)));
        filter.put("toBlock", Numeric.encodeQuantity(BigInteger.valueOf(toBlock)));
        filter.put("topics", List.of(topic0s));
        List<Log> logs = new ArrayList<>();
        for (JsonNode log : rpc.callAndWait("eth_getLogs", filter)) {
            logs.add(Log.of(log));
        }
        return logs;
    }

    public static BigInteger quantity(JsonNode node) {
        return Numeric.decodeQuantity(node.asText());
    }

    private static Map<String, Object> transaction(String from, String to, String data) {
        Map<String, Object> tx = new LinkedHashMap<>();
        if (from != null) {
            tx.put("from", from);
        }
        if (to != null) {
            tx.put("to", to);
        }
        tx.put("data", data);
        return tx;
    }
}
