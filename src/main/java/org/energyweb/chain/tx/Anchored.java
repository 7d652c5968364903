package org.energyweb.chain.tx;

/** The transaction of what was submitted under {@code key}, mined and confirmed. */
public record Anchored(long key, long nonce, String transactionHash, long blockNumber, String blockHash) {
}
