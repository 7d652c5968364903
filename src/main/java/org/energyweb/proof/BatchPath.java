package org.energyweb.proof;

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
}
