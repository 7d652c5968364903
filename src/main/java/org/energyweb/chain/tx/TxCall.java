package org.energyweb.chain.tx;

/** A contract call to make in a transaction: the contract's address and the ABI-encoded input. */
public record TxCall(String to, String data) {
}
