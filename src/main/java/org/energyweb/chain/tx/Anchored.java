package org.energyweb.chain.tx;

/** A reading's transaction, mined and confirmed. */
public record Anchored(long position, long nonce, String transactionHash, long blockNumber, String blockHash) {
}
