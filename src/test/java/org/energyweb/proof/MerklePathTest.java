package org.energyweb.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9162 section 2.1.3.2 verification: every honest path is accepted, every altered one refused. */
class MerklePathTest {

    private static boolean leadsToRoot(MerkleTree tree, byte[] leafHash, long index, long size, List<byte[]> path) {
        return MerklePath.rootFrom(leafHash, index, size, path).filter(root -> Arrays.equals(root, tree.root())).isPresent();
    }

    private static List<byte[]> withFlippedBit(List<byte[]> path, int element) {
        List<byte[]> altered = new ArrayList<>(path);
        byte[] hash = altered.get(element).clone();
        hash[0] ^= 8;
        altered.set(element, hash);
        return altered;
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 2, 3, 7, 8, 9})
    void everyLeafsPathLeadsToTheRoot(int size) {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(size));
        for (int index = 0; index < size; index++) {
            assertThat(leadsToRoot(tree, tree.leafHash(index), index, size, tree.inclusionPath(index))).as("leaf %d", index).isTrue();
        }
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 2, 3, 7, 8, 9})
    void anotherLeafHashIsRejected(int size) {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(size + 1));
        for (int index = 0; index < size; index++) {
            MerkleTree batch = MerkleTree.ofLeafInputs(TestLeaves.digests(size));
            assertThat(leadsToRoot(batch, tree.leafHash(size), index, size, batch.inclusionPath(index))).isFalse();
        }
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {2, 3, 7, 8, 9})
    void everyAlteredPathElementIsRejected(int size) {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(size));
        for (int index = 0; index < size; index++) {
            List<byte[]> path = tree.inclusionPath(index);
            for (int element = 0; element < path.size(); element++) {
                assertThat(leadsToRoot(tree, tree.leafHash(index), index, size, withFlippedBit(path, element)))
                        .as("leaf %d, element %d", index, element).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {2, 3, 7, 8, 9})
    void theSamePathAtAnotherIndexIsRejected(int size) {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(size));
        for (int index = 0; index < size; index++) {
            for (int other = -1; other <= size; other++) {
                if (other != index) {
                    assertThat(leadsToRoot(tree, tree.leafHash(index), other, size, tree.inclusionPath(index)))
                            .as("leaf %d claimed at %d", index, other).isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 2, 3, 7, 8, 9})
    void theSamePathForATreeOfDoubleOrHalfTheSizeIsRejected(int size) {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(size));
        for (int index = 0; index < size; index++) {
            for (long claimed : new long[] {2L * size, size / 2}) {
                assertThat(leadsToRoot(tree, tree.leafHash(index), index, claimed, tree.inclusionPath(index)))
                        .as("leaf %d in claimed size %d", index, claimed).isFalse();
            }
        }
    }

    /**
     * RFC 9162 paths do not authenticate the tree size: a size whose tree has the same shape along the
     * leaf's path computes the same root. That is why the size is anchored on-chain with the root and
     * checked through {@link AnchorCheck}.
     */
    @Test
    void aSizeWithTheSameShapeAlongThePathIsNotCaughtByThePathAlone() {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(8));
        assertThat(leadsToRoot(tree, tree.leafHash(0), 0, 7, tree.inclusionPath(0))).isTrue();
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 2, 3, 7, 8, 9})
    void pathsWithAHashAddedOrRemovedAreRejected(int size) {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(size));
        for (int index = 0; index < size; index++) {
            List<byte[]> path = tree.inclusionPath(index);
            List<byte[]> longer = new ArrayList<>(path);
            longer.add(tree.root());
            assertThat(MerklePath.rootFrom(tree.leafHash(index), index, size, longer)).isEmpty();
            if (!path.isEmpty()) {
                assertThat(MerklePath.rootFrom(tree.leafHash(index), index, size, path.subList(0, path.size() - 1))).isEmpty();
            }
        }
    }

    @Test
    void anotherRootIsRejected() {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(9));
        MerkleTree other = MerkleTree.ofLeafInputs(TestLeaves.digests(10));
        assertThat(leadsToRoot(other, tree.leafHash(4), 4, 9, tree.inclusionPath(4))).isFalse();
    }

    @Test
    void everySampledLeafOfAMillionLeafTreeHasAPathToItsRoot() {
        int size = 1_000_000;
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(size));
        for (int index : new int[] {0, 1, 499_999, 524_287, 524_288, 999_998, 999_999}) {
            List<byte[]> path = tree.inclusionPath(index);
            assertThat(path).hasSizeLessThanOrEqualTo(20);
            assertThat(leadsToRoot(tree, tree.leafHash(index), index, size, path)).as("leaf %d", index).isTrue();
            assertThat(leadsToRoot(tree, tree.leafHash(index), index ^ 1, size, path)).isFalse();
            assertThat(leadsToRoot(tree, tree.leafHash(index), index, 2 * size, path)).isFalse();
            assertThat(leadsToRoot(tree, tree.leafHash(index), index, size, withFlippedBit(path, path.size() - 1))).isFalse();
        }
    }
}
