package org.energyweb.proof;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots, inclusion paths and consistency proofs of RFC 9162 section 2.1 for any tree size of an
 * append-only log, computed from its complete-subtree hashes ({@link SubtreeHashes}) instead of its
 * leaves: a proof costs O(log^2 n) hash lookups and O(log n) hashing, whatever the log's size.
 *
 * <p>Every range the RFC's recursion visits, D[start : start + n], starts at a multiple of the
 * largest power of two not above n (the left part of a split is a power of two k, the right part is
 * shorter than k and starts at k), so MTH of such a range is the fold of its complete subtrees, one
 * per set bit of n, largest first.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH(D[0:size]) (RFC 9162 section 2.1.1), SHA-256 of nothing for the empty tree. */
    public static byte[] root(SubtreeHashes hashes, long size) {
        checkSize(size);
        return size == 0 ? MerkleHash.emptyRoot() : rangeRoot(hashes, 0, size);
    }

    /** PATH(index, D[0:size]) of RFC 9162 section 2.1.3.1, the leaf's sibling first. */
    public static List<byte[]> inclusionPath(SubtreeHashes hashes, long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<byte[]> path = new ArrayList<>(64);
        path(hashes, index, 0, size, path);
        return path;
    }

    /**
     * PROOF(oldSize, D[0:newSize]) of RFC 9162 section 2.1.4.1; empty when the sizes are equal or the
     * old tree is empty, as c2sp.org/tlog-witness requires for old size 0 (add-checkpoint).
     */
    public static List<byte[]> consistencyProof(SubtreeHashes hashes, long oldSize, long newSize) {
        checkSize(oldSize);
        if (oldSize > newSize) {
            throw new IllegalArgumentException("a tree of " + oldSize + " leaves is not a prefix of one of " + newSize);
        }
        List<byte[]> proof = new ArrayList<>(64);
        if (oldSize > 0 && oldSize < newSize) {
            subproof(hashes, oldSize, 0, newSize, true, proof);
        }
        return proof;
    }

    private static void path(SubtreeHashes hashes, long m, long start, long n, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(hashes, m, start, k, out);
            out.add(rangeRoot(hashes, start + k, n - k));
        } else {
            path(hashes, m - k, start + k, n - k, out);
            out.add(subtree(hashes, start, k));
        }
    }

    /** SUBPROOF(m, D[start : start + n], b) of RFC 9162 section 2.1.4.1. */
    private static void subproof(SubtreeHashes hashes, long m, long start, long n, boolean b, List<byte[]> out) {
        if (m == n) {
            if (!b) {
                out.add(rangeRoot(hashes, start, n));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(hashes, m, start, k, b, out);
            out.add(rangeRoot(hashes, start + k, n - k));
        } else {
            subproof(hashes, m - k, start + k, n - k, false, out);
            out.add(subtree(hashes, start, k));
        }
    }

    /** MTH(D[start : start + n]) for a range the recursion visits (see the class comment). */
    static byte[] rangeRoot(SubtreeHashes hashes, long start, long n) {
        byte[] right = null;
        long end = start + n;
        for (int level = 0; level < Long.SIZE - 1; level++) {
            if ((n >>> level & 1) == 1) {
                long pieceStart = end - (1L << level);
                byte[] piece = hashes.hash(level, pieceStart >>> level);
                right = right == null ? piece : MerkleHash.node(piece, right);
                end = pieceStart;
            }
        }
        return right;
    }

    private static byte[] subtree(SubtreeHashes hashes, long start, long powerOfTwo) {
        int level = Long.numberOfTrailingZeros(powerOfTwo);
        return hashes.hash(level, start >>> level);
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void checkSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree of " + size + " leaves");
        }
    }
}
