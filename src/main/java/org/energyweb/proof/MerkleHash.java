package org.energyweb.proof;

import org.energyweb.reading.Sha256;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The hashes of RFC 9162 section 2.1: a leaf is SHA-256(0x00 || input), an interior node is
 * SHA-256(0x01 || left || right), the empty tree is SHA-256 of nothing. The distinct prefixes keep a
 * leaf from ever being passed off as a node (second-preimage attack).
 */
public final class MerkleHash {

    public static final int LENGTH = Sha256.LENGTH;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private MerkleHash() {
    }

    public static byte[] emptyRoot() {
        return Sha256.digest(new byte[0]);
    }

    public static byte[] leaf(byte[] input) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(input);
        return digest.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Writes the leaf hash of {@code input} into {@code out} without allocating: the tree builder's hot loop. */
    static void leafInto(MessageDigest digest, byte[] input, byte[] out, int outOffset) {
        digest.update(LEAF_PREFIX);
        digest.update(input);
        finish(digest, out, outOffset);
    }

    /** Writes the hash of the two adjacent 32-byte children starting at {@code childrenOffset} into {@code out}. */
    static void nodeInto(MessageDigest digest, byte[] children, int childrenOffset, byte[] out, int outOffset) {
        digest.update(NODE_PREFIX);
        digest.update(children, childrenOffset, 2 * LENGTH);
        finish(digest, out, outOffset);
    }

    private static void finish(MessageDigest digest, byte[] out, int outOffset) {
        try {
            digest.digest(out, outOffset, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }
}
