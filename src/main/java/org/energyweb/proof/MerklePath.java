package org.energyweb.proof;

import java.util.List;
import java.util.Optional;

/** Verification of RFC 9162 inclusion paths (section 2.1.3.2), the algorithm as written there. */
public final class MerklePath {

    private MerklePath() {
    }

    /**
     * The root that {@code path} leads to from the leaf hash at {@code index} in a tree of {@code size}
     * leaves; empty when the index is out of range or the path has the wrong number of hashes for
     * that position, since then it proves nothing whatever it hashes to.
     */
    public static Optional<byte[]> rootFrom(byte[] leafHash, long index, long size, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return Optional.empty();
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return Optional.empty();
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                // Skip the levels where this node was carried up without a sibling.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? Optional.of(r) : Optional.empty();
    }
}
