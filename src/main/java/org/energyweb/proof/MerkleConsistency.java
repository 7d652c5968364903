package org.energyweb.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verification of RFC 9162 consistency proofs (section 2.1.4.2), the algorithm as written there:
 * whether the tree of {@code oldSize} leaves with root {@code oldRoot} is a prefix of the tree of
 * {@code newSize} leaves with root {@code newRoot}, i.e. whether the log only appended in between.
 */
public final class MerkleConsistency {

    private MerkleConsistency() {
    }

    public static boolean verify(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            // Nothing to prove but that the two heads are the same tree.
            return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            // Every tree extends the empty one; c2sp.org/tlog-witness sends no proof lines for old size 0.
            return proof.isEmpty();
        }
        // Step 1: an empty path proves nothing between different sizes.
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        // Step 2: when the old tree is a complete subtree of the new one, its root is the path's start.
        if (Long.bitCount(oldSize) == 1) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        // Step 3.
        long fn = oldSize - 1;
        long sn = newSize - 1;
        // Step 4.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // Step 6.
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 7.
        return Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot) && sn == 0;
    }
}
