package org.energyweb.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inclusion paths from a stored tree top and the leaf's block, against the whole tree's. */
class MerkleTreeTopTest {

    private static final HexFormat HEX = HexFormat.of();

    private static MerkleTree blockTree(List<byte[]> leaves, MerkleTreeTop top, long index) {
        int block = top.blockOf(index);
        int from = (int) top.blockStart(block);
        return MerkleTree.ofLeafInputs(leaves.subList(from, from + top.blockLength(block)));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @ParameterizedTest(name = "blocks of 2^{0} leaves")
    @ValueSource(ints = {0, 1, 2, 3, 5})
    void everyPathFromTheTopAndTheBlockIsTheWholeTreesPathForEverySizeUpTo70(int height) {
        List<byte[]> leaves = TestLeaves.digests(70);
        for (int size = 1; size <= leaves.size(); size++) {
            List<byte[]> batch = leaves.subList(0, size);
            MerkleTree tree = MerkleTree.ofLeafInputs(batch);
            MerkleTreeTop top = MerkleTreeTop.of(tree, height);
            for (int index = 0; index < size; index++) {
                BatchPath path = top.path(blockTree(batch, top, index), index, null);
                assertThat(hex(path.path())).as("size %d index %d", size, index).isEqualTo(hex(tree.inclusionPath(index)));
                assertThat(path.root()).isEqualTo(tree.root());
                assertThat(path.size()).isEqualTo(size);
            }
        }
    }

    @ParameterizedTest(name = "{0} leaves")
    @ValueSource(ints = {1, 255, 256, 257, 511, 513, 4_097})
    void pathsInBatchesAroundTheDefaultBlockSizeAreTheWholeTreesPaths(int size) {
        List<byte[]> leaves = TestLeaves.digests(size);
        MerkleTree tree = MerkleTree.ofLeafInputs(leaves);
        MerkleTreeTop top = MerkleTreeTop.of(tree, MerkleTreeTop.DEFAULT_HEIGHT);
        for (int index : new int[] {0, size / 2, Math.max(0, size - 257), size - 1}) {
            BatchPath path = top.path(blockTree(leaves, top, index), index, null);
            assertThat(hex(path.path())).isEqualTo(hex(tree.inclusionPath(index)));
            assertThat(path.leadsFrom(leaves.get(index))).isTrue();
        }
    }

    @Test
    void aTopReadBackFromItsBytesGivesTheSamePaths() {
        List<byte[]> leaves = TestLeaves.digests(1_000);
        MerkleTree tree = MerkleTree.ofLeafInputs(leaves);
        MerkleTreeTop top = MerkleTreeTop.fromBytes(MerkleTreeTop.of(tree, MerkleTreeTop.DEFAULT_HEIGHT).toBytes());

        assertThat(top.size()).isEqualTo(1_000);
        assertThat(top.root()).isEqualTo(tree.root());
        assertThat(hex(top.path(blockTree(leaves, top, 999), 999, null).path())).isEqualTo(hex(tree.inclusionPath(999)));
    }

    @Test
    void theTopOfAMillionLeavesIsAQuarterMegabyte() {
        MerkleTree tree = MerkleTree.ofLeafInputs(TestLeaves.digests(1_000_000));

        assertThat(MerkleTreeTop.of(tree, MerkleTreeTop.DEFAULT_HEIGHT).toBytes().length).isBetween(250_000, 260_000);
    }

    @Test
    void aBlockWhoseLeavesDifferFromTheStoredOnesGivesNoPath() {
        List<byte[]> leaves = TestLeaves.digests(600);
        MerkleTreeTop top = MerkleTreeTop.of(MerkleTree.ofLeafInputs(leaves), MerkleTreeTop.DEFAULT_HEIGHT);
        List<byte[]> changed = new java.util.ArrayList<>(leaves.subList(256, 512));
        changed.set(3, new byte[32]);

        assertThatThrownBy(() -> top.path(MerkleTree.ofLeafInputs(changed), 300, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the leaves given for block 1 do not give the block root this top holds");
    }

    @Test
    void aBlockOfTheWrongLengthGivesNoPath() {
        List<byte[]> leaves = TestLeaves.digests(600);
        MerkleTreeTop top = MerkleTreeTop.of(MerkleTree.ofLeafInputs(leaves), MerkleTreeTop.DEFAULT_HEIGHT);

        assertThatThrownBy(() -> top.path(MerkleTree.ofLeafInputs(leaves.subList(512, 599)), 550, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesCutShortOrOfAnotherFormatAreRefused() {
        byte[] bytes = MerkleTreeTop.of(MerkleTree.ofLeafInputs(TestLeaves.digests(600)), MerkleTreeTop.DEFAULT_HEIGHT).toBytes();

        assertThatThrownBy(() -> MerkleTreeTop.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> MerkleTreeTop.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too many");
        assertThatThrownBy(() -> MerkleTreeTop.fromBytes("{\"version\":1}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a version 1 Merkle tree top");
    }
}
