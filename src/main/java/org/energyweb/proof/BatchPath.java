package org.energyweb.proof;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The part every proof shares: a leaf's position in an anchored batch, its RFC 9162 inclusion path
 * and the batch root.
 *
 * @param anchor     where the root was anchored; null while the batch is not anchored yet
 * @param checkpoint for a path in the gateway's transparency log, the signed c2sp.org/tlog-checkpoint (a
 *                   signed note) whose tree size and root these are; null for a Merkle batch
 */
public record BatchPath(long index, long size, List<byte[]> path, byte[] root, Anchor anchor, String checkpoint) {

    public BatchPath {
        path = List.copyOf(path);
        Objects.requireNonNull(root, "root");
    }

    /** A path in a Merkle batch, which has no checkpoint. */
    public BatchPath(long index, long size, List<byte[]> path, byte[] root, Anchor anchor) {
        this(index, size, path, root, anchor, null);
    }

    public static BatchPath of(MerkleTree batch, int index, Anchor anchor) {
        return new BatchPath(index, batch.size(), batch.inclusionPath(index), batch.root(), anchor);
    }

    /** Whether the path leads from the leaf of {@code leafInput} at this index to this root. */
    public boolean leadsFrom(byte[] leafInput) {
        return MerklePath.rootFrom(MerkleHash.leaf(leafInput), index, size, path).map(found -> Arrays.equals(found, root)).orElse(false);
    }
}
