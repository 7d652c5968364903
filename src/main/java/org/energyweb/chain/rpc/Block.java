package org.energyweb.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.Optional;

/** The header fields of a block Energyweb uses. {@code baseFee} is absent before EIP-1559. */
public record Block(long number, String hash, String parentHash, Optional<BigInteger> baseFee) {

    public static Block of(JsonNode block) {
        JsonNode baseFee = block.path("baseFeePerGas");
        return new Block(Eth.quantity(block.get("number")).longValueExact(), block.get("hash").asText(),
                block.get("parentHash").asText(),
                baseFee.isTextual() ? Optional.of(Eth.quantity(baseFee)) : Optional.empty());
    }
}
