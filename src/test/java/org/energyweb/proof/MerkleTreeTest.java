package org.energyweb.proof;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree against RFC 6962/9162 reference vectors and against the RFC's recursive definition. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The reference leaves of the Certificate Transparency test suites (transparency-dev/merkle). */
    private static final List<byte[]> REFERENCE_LEAVES = hex(
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Their tree heads for sizes 1 to 8. */
    private static final List<String> REFERENCE_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> hex(String... values) {
        return Arrays.stream(values).map(HEX::parseHex).toList();
    }

    private static List<String> hexOf(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static MerkleTree referenceTree(int size) {
        return MerkleTree.ofLeafInputs(REFERENCE_LEAVES.subList(0, size));
    }

    @Test
    void emptyTreeRootIsSha256OfTheEmptyString() {
        assertThat(HEX.formatHex(MerkleTree.ofLeafInputs(List.of()).root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsMatchTheReferenceTreeHeadsForSizesOneToEight() {
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(referenceTree(size).root())).as("size %d", size).isEqualTo(REFERENCE_ROOTS.get(size - 1));
        }
    }

    @Test
    void inclusionPathsMatchTheReferenceVectors() {
        assertThat(hexOf(referenceTree(8).inclusionPath(0))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexOf(referenceTree(8).inclusionPath(5))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexOf(referenceTree(3).inclusionPath(2))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hexOf(referenceTree(5).inclusionPath(1))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void singleLeafTreeHasTheLeafHashAsRootAndAnEmptyPath() {
        MerkleTree tree = referenceTree(1);
        assertThat(tree.root()).isEqualTo(tree.leafHash(0));
        assertThat(tree.inclusionPath(0)).isEmpty();
    }

    @Test
    void levelArraysGiveTheRecursiveRootAndPathsForEverySizeUpTo300() {
        List<byte[]> inputs = TestLeaves.digests(300);
        List<byte[]> leafHashes = TestLeaves.leafHashes(inputs);
        for (int size = 1; size <= 300; size++) {
            MerkleTree tree = MerkleTree.ofLeafInputs(inputs.subList(0, size));
            List<byte[]> leaves = leafHashes.subList(0, size);
            assertThat(tree.root()).as("root of size %d", size).isEqualTo(RecursiveMerkle.mth(leaves));
            for (int index = 0; index < size; index++) {
                assertThat(hexOf(tree.inclusionPath(index))).as("path of leaf %d in size %d", index, size)
                        .isEqualTo(hexOf(RecursiveMerkle.path(index, leaves)));
            }
        }
    }

    @Test
    void treesLargeEnoughToBeHashedInParallelKeepTheRecursiveRoot() {
        List<byte[]> inputs = TestLeaves.digests(50_001);
        assertThat(MerkleTree.ofLeafInputs(inputs).root()).isEqualTo(RecursiveMerkle.mth(TestLeaves.leafHashes(inputs)));
    }

    @Test
    void leafHashIsTheRfc9162LeafHashOfTheInput() {
        List<byte[]> inputs = TestLeaves.digests(5);
        assertThat(MerkleTree.ofLeafInputs(inputs).leafHash(3)).isEqualTo(MerkleHash.leaf(inputs.get(3)));
    }

    @Test
    void pathOfALeafOutsideTheTreeIsRefused() {
        MerkleTree tree = referenceTree(3);
        assertThatThrownBy(() -> tree.inclusionPath(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> tree.inclusionPath(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
