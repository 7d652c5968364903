package org.energyweb.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A mined transaction's receipt. {@code contractAddress} is set only for a deployment. */
public record Receipt(String transactionHash, long blockNumber, String blockHash, boolean succeeded, BigInteger gasUsed,
                      String contractAddress, List<Log> logs) {

    /** Empty while the transaction is not mined (the node answers null). */
    public static Optional<Receipt> parse(JsonNode receipt) {
        if (receipt == null || receipt.isNull() || receipt.path("blockHash").isNull()) {
            return Optional.empty();
        }
        List<Log> logs = new ArrayList<>();
        for (JsonNode log : receipt.path("logs")) {
            logs.add(Log.of(log));
        }
        JsonNode contract = receipt.path("contractAddress");
        return Optional.of(new Receipt(receipt.get("transactionHash").asText(),
                Eth.quantity(receipt.get("blockNumber")).longValueExact(), receipt.get("blockHash").asText(),
                Eth.quantity(receipt.get("status")).signum() == 1, Eth.quantity(receipt.get("gasUsed")),
                contract.isTextual() ? contract.asText() : null, List.copyOf(logs)));
    }
}
