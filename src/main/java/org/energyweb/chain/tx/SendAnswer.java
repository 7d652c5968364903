package org.energyweb.chain.tx;

import org.energyweb.chain.rpc.RpcException;

/**
 * What a node's answer to {@code eth_sendRawTransaction} means, whatever the node's wording (geth,
 * anvil, ganache, Nethermind and Besu each phrase the same refusal differently). Pure: no state, no I/O.
 */
enum SendAnswer {

    /** Taken into the pool, or a copy of the same bytes is already there. */
    ACCEPTED,
    /** The nonce is used: by one of our own signatures that got mined, or by another transaction. */
    NONCE_USED,
    /** Another transaction with the same nonce sits in the pool with fees at least as high. */
    UNDERPRICED,
    /** Any other refusal (a full pool, a node-side limit): nothing about the nonce is learnt. */
    REFUSED;

    /** @param error the node's error, or null when it answered with the transaction hash */
    static SendAnswer of(RpcException error) {
        if (error == null || error.says("already known") || error.says("known transaction") || error.says("already imported")) {
            return ACCEPTED;
        }
        if (error.says("nonce too low") || error.says("nonce has already been used") || error.says("old nonce")) {
            return NONCE_USED;
        }
        if (error.says("underpriced")) {
            return UNDERPRICED;
        }
        return REFUSED;
    }
}
