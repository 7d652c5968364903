package org.energyweb.proof;

/**
 * Where a proof generator reads the hashes of a log's complete subtrees: the node at {@code level}
 * with index {@code index} is MTH(D[index * 2^level : (index + 1) * 2^level]) in RFC 9162's notation,
 * and never changes once those leaves exist. Any tree size's root and proofs are made of such nodes
 * (RFC 9162 section 2.1.1 splits at powers of two), which is why an append-only store only has to
 * keep these and can serve every past checkpoint.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /**
     * @throws IllegalArgumentException when the subtree is not complete in the stored log
     */
    byte[] hash(int level, long index);
}
