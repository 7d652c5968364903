package org.energyweb.proof;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 9162 consistency proofs (section 2.1.4) and inclusion paths computed from stored subtree
 * hashes, checked line for line against an independent Python implementation of the RFC's recursive
 * definitions, for every pair of sizes up to 64 and around the tile edges of c2sp.org/tlog-tiles
 * (256 = one full level-0 tile, 65536 = one full level-1 tile).
 */
class MerkleConsistencyTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final long[] TILE_EDGES = {255, 256, 257, 65535, 65536, 65537};
    private static MerkleTree tree;
    private static SubtreeHashes hashes;

    @BeforeAll
    static void buildTheLargestTree() {
        tree = MerkleTree.ofLeafInputs(TestLeaves.digests(65537));
        hashes = tree.subtreeHashes();
    }

    @Test
    void proofsPathsAndRootsMatchAnIndependentPythonImplementationForAllSizesUpTo64AndAtTileEdges() throws Exception {
        List<String> requests = requests();
        List<String> expected = PythonScript.run("rfc9162_consistency.py", List.of(), tree.size() + "\n" + String.join("\n", requests) + "\n");

        List<String> actual = requests.stream().map(MerkleConsistencyTest::answer).toList();

        assertThat(actual).hasSize(requests.size()).isEqualTo(expected);
        assertThat(requests).filteredOn(r -> r.startsWith("c ")).hasSizeGreaterThan(64 * 63 / 2 + 6 * 64);
    }

    @Test
    void everyProofOfThePythonImplementationVerifiesAndFailsWhenAnythingInItChanges() throws Exception {
        List<String> requests = requests();
        List<String> answers = PythonScript.run("rfc9162_consistency.py", List.of(), tree.size() + "\n" + String.join("\n", requests) + "\n");
        Map<Long, byte[]> roots = answers.stream().filter(a -> a.startsWith("r "))
                .collect(Collectors.toMap(a -> Long.parseLong(a.split(" ")[1]), a -> HEX.parseHex(a.split(" ")[2])));
        int checked = 0;
        for (String answer : answers) {
            String[] parts = answer.split(" ");
            if (!parts[0].equals("c")) {
                continue;
            }
            long m = Long.parseLong(parts[1]);
            long n = Long.parseLong(parts[2]);
            List<byte[]> proof = new ArrayList<>();
            for (int i = 3; i < parts.length; i++) {
                proof.add(HEX.parseHex(parts[i]));
            }
            byte[] oldRoot = roots.get(m);
            byte[] newRoot = roots.get(n);
            assertThat(MerkleConsistency.verify(m, n, oldRoot, newRoot, proof)).as(answer).isTrue();
            assertThat(MerkleConsistency.verify(m, n, newRoot, oldRoot, proof)).as("roots swapped " + answer).isFalse();
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> flipped = new ArrayList<>(proof);
                byte[] hash = flipped.get(i).clone();
                hash[7] ^= 1;
                flipped.set(i, hash);
                assertThat(MerkleConsistency.verify(m, n, oldRoot, newRoot, flipped)).as("hash " + i + " flipped " + answer).isFalse();
            }
            assertThat(MerkleConsistency.verify(m, n, oldRoot, newRoot, proof.subList(0, proof.size() - 1)))
                    .as("last hash dropped " + answer).isFalse();
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(newRoot);
            assertThat(MerkleConsistency.verify(m, n, oldRoot, newRoot, longer)).as("hash appended " + answer).isFalse();
            checked++;
        }
        assertThat(checked).isGreaterThan(2000);
    }

    @Test
    void equalSizesAreConsistentOnlyWithEqualRootsAndAnEmptyProof() {
        byte[] root = MerkleProofs.root(hashes, 300);
        byte[] other = MerkleProofs.root(hashes, 301);

        assertThat(MerkleProofs.consistencyProof(hashes, 300, 300)).isEmpty();
        assertThat(MerkleConsistency.verify(300, 300, root, root, List.of())).isTrue();
        assertThat(MerkleConsistency.verify(300, 300, root, other, List.of())).isFalse();
        assertThat(MerkleConsistency.verify(300, 300, root, root, List.of(root))).isFalse();
    }

    @Test
    void everyTreeExtendsTheEmptyTreeWithAnEmptyProofAsTlogWitnessSends() {
        assertThat(MerkleProofs.consistencyProof(hashes, 0, 5)).isEmpty();
        assertThat(MerkleConsistency.verify(0, 5, MerkleHash.emptyRoot(), MerkleProofs.root(hashes, 5), List.of())).isTrue();
        assertThat(MerkleConsistency.verify(0, 5, MerkleHash.emptyRoot(), MerkleProofs.root(hashes, 5), List.of(MerkleHash.emptyRoot()))).isFalse();
    }

    @Test
    void aShrinkingTreeHasNoProofAndNeverVerifies() {
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(hashes, 6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleConsistency.verify(6, 5, MerkleProofs.root(hashes, 6), MerkleProofs.root(hashes, 5),
                MerkleProofs.consistencyProof(hashes, 5, 6))).isFalse();
    }

    @Test
    void rootsAndPathsFromSubtreeHashesEqualTheLevelArrayTreesOwn() {
        for (int size = 1; size <= 70; size++) {
            MerkleTree prefix = MerkleTree.ofLeafInputs(TestLeaves.digests(size));
            assertThat(MerkleProofs.root(hashes, size)).isEqualTo(prefix.root());
            for (int index = 0; index < size; index++) {
                assertThat(MerkleProofs.inclusionPath(hashes, index, size)).as(size + "/" + index)
                        .containsExactlyElementsOf(prefix.inclusionPath(index));
            }
        }
    }

    @Test
    void aSubtreeThatIsNotCompleteYetIsNeverReadFromTheLevelArrays() {
        SubtreeHashes small = MerkleTree.ofLeafInputs(TestLeaves.digests(5)).subtreeHashes();

        assertThatThrownBy(() -> small.hash(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> small.hash(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(small.hash(2, 0)).isNotNull();
    }

    /** The oracle's requests: roots of every size used, proofs between them, paths at the edges. */
    private static List<String> requests() {
        TreeSet<Long> sizes = new TreeSet<>();
        for (long size = 1; size <= 64; size++) {
            sizes.add(size);
        }
        for (long edge : TILE_EDGES) {
            sizes.add(edge);
        }
        List<String> requests = new ArrayList<>();
        sizes.forEach(n -> requests.add("r " + n));
        for (long n : sizes) {
            for (long m : sizes.headSet(n)) {
                if (n <= 64 || isEdge(n)) {
                    requests.add("c " + m + " " + n);
                }
            }
        }
        for (long n : TILE_EDGES) {
            for (long m : new TreeSet<>(List.of(0L, 1L, 254L, 255L, 256L, n / 2, n - 257, n - 256, n - 2, n - 1))) {
                if (m >= 0 && m < n) {
                    requests.add("p " + m + " " + n);
                }
            }
        }
        return requests;
    }

    private static boolean isEdge(long n) {
        for (long edge : TILE_EDGES) {
            if (edge == n) {
                return true;
            }
        }
        return false;
    }

    private static String answer(String request) {
        String[] parts = request.split(" ");
        Function<List<byte[]>, String> line = list -> list.stream().map(h -> " " + HEX.formatHex(h)).collect(Collectors.joining("", request, ""));
        return switch (parts[0]) {
            case "r" -> line.apply(List.of(MerkleProofs.root(hashes, Long.parseLong(parts[1]))));
            case "p" -> line.apply(MerkleProofs.inclusionPath(hashes, Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            default -> line.apply(MerkleProofs.consistencyProof(hashes, Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        };
    }
}
