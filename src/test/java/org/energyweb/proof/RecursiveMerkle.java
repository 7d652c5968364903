package org.energyweb.proof;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1 transcribed literally (MTH and PATH, recursive, split at the largest power of
 * two below n): slow, and for that reason a trustworthy yardstick for the level-array tree.
 */
final class RecursiveMerkle {

    private RecursiveMerkle() {
    }

    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHash.node(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> leafHashes) {
        int n = leafHashes.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, leafHashes.subList(0, k)));
            path.add(mth(leafHashes.subList(k, n)));
        } else {
            path.addAll(path(m - k, leafHashes.subList(k, n)));
            path.add(mth(leafHashes.subList(0, k)));
        }
        return path;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
