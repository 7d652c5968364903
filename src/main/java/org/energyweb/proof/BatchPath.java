package org.energyweb.proof;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The part every proof shares: a leaf's position in an anchored batch, its RFC 9162 inclusion path
 * and the batch root.
 *
 * @param anchor where the root was anchored; null while the batch is not anchored yet
 */
public record BatchPath(long index, long size, List<byte[]> path, byte[] root, Anchor anchor) {

    public BatchPath {
        path = List.copyOf(path);
        Objects.requireNonNull(root, "root");
    }

    public static BatchPath of(MerkleTree batch, int index, Anchor anchor) {
        return new BatchPath(index, batch.size(), batch.inclusionPath(index), batch.root(), anchor);
    }

    /** Whether the path leads from the leaf of {@code leafInput} at this index to this root. */
    public boolean leadsFrom(byte[] leafInput) {
        return MerklePath.rootFrom(MerkleHash.leaf(leafInput), index, size, path).map(found -> Arrays.equals(found, root)).orElse(false);
    }
}
