package org.energyweb.proof;

import java.util.regex.Pattern;

/**
 * Where a batch root, or a transparency log's checkpoint, was anchored: the chain, the anchor contract, the transaction
 * and its block.
 *
 * @param contract   0x and 40 hex digits, in any case (EIP-55 checksums are mixed case)
 * @param tx         0x and 64 hex digits
 * @param checkpoint for a proof in a transparency log, the anchored checkpoint; null for a Merkle batch
 */
public record Anchor(long chainId, String contract, String tx, long block, CheckpointAnchor checkpoint) {

    static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    public Anchor {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive: " + chainId);
        }
        if (contract == null || !ADDRESS.matcher(contract).matches()) {
            throw new IllegalArgumentException("contract is not 0x and 40 hex digits: " + contract);
        }
        if (tx == null || !TX_HASH.matcher(tx).matches()) {
            throw new IllegalArgumentException("tx is not 0x and 64 hex digits: " + tx);
        }
        if (block < 0) {
            throw new IllegalArgumentException("block must not be negative: " + block);
        }
    }

    /** Where a Merkle batch's root was anchored. */
    public Anchor(long chainId, String contract, String tx, long block) {
        this(chainId, contract, tx, block, null);
    }
}
