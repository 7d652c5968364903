package org.energyweb.proof;

import org.energyweb.reading.Sha256;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The Merkle tree of RFC 9162 section 2.1 (Certificate Transparency v2), built level by level into
 * flat byte arrays so that a million leaves take two arrays' worth of hashing and an inclusion path
 * is a lookup per level.
 *
 * <p>Why the levels give exactly the recursive MTH, which splits n leaves at k, the largest power of
 * two below n: pairing neighbours level by level builds every aligned block of 2^h leaves into the
 * same perfect subtree the recursion builds, so the left part D[0:k] comes out identical; on the
 * right edge a level with an odd count has a last node the recursion has no sibling for either at
 * that height, and carrying it up unchanged until it is paired reproduces MTH(D[k:n]) being joined
 * to the left part. The test suite checks this against the recursion for every size up to 300.
 *
 * <p>Capacity: the leaf level is one array, so a tree holds at most {@link #MAX_LEAVES} leaves.
 */
public final class MerkleTree {

    public static final int MAX_LEAVES = Integer.MAX_VALUE / MerkleHash.LENGTH;
    private static final int H = MerkleHash.LENGTH;
    /** Below this many hashes per level, handing work to other threads costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 8192;

    /** levels[0] holds the leaf hashes, each next level the parents, the last level the root alone. */
    private final byte[][] levels;
    private final int size;

    private MerkleTree(byte[] leafHashes) {
        this.size = leafHashes.length / H;
        List<byte[]> built = new ArrayList<>();
        built.add(leafHashes);
        byte[] level = leafHashes;
        while (level.length > H) {
            level = parentLevel(level);
            built.add(level);
        }
        this.levels = built.toArray(new byte[0][]);
    }

    /** Hashes each input as an RFC 9162 leaf: SHA-256(0x00 || input). Inputs may have any length. */
    public static MerkleTree ofLeafInputs(List<byte[]> inputs) {
        int count = checkCapacity(inputs.size());
        byte[] leafHashes = new byte[count * H];
        inChunks(count, (from, to) -> {
            MessageDigest digest = Sha256.newDigest();
            for (int i = from; i < to; i++) {
                MerkleHash.leafInto(digest, Objects.requireNonNull(inputs.get(i), "leaf input"), leafHashes, i * H);
            }
        });
        return new MerkleTree(leafHashes);
    }

    private static int checkCapacity(int count) {
        if (count > MAX_LEAVES) {
            throw new IllegalArgumentException("a tree holds at most " + MAX_LEAVES + " leaves, not " + count);
        }
        return count;
    }

    private static byte[] parentLevel(byte[] level) {
        int count = level.length / H;
        int pairs = count / 2;
        byte[] parents = new byte[(count + 1) / 2 * H];
        inChunks(pairs, (from, to) -> {
            MessageDigest digest = Sha256.newDigest();
            for (int j = from; j < to; j++) {
                MerkleHash.nodeInto(digest, level, 2 * j * H, parents, j * H);
            }
        });
        if (count % 2 == 1) {
            // RFC 9162's unbalanced right edge: the last node has no sibling yet and moves up unchanged.
            System.arraycopy(level, (count - 1) * H, parents, pairs * H, H);
        }
        return parents;
    }

    private interface RangeTask {
        void run(int from, int to);
    }

    /** Runs the task over [0, count) in a few contiguous chunks on the common pool, or inline when small. */
    private static void inChunks(int count, RangeTask task) {
        if (count < PARALLEL_THRESHOLD) {
            task.run(0, count);
            return;
        }
        int chunks = Math.min(count / (PARALLEL_THRESHOLD / 2), 4 * (ForkJoinPool.getCommonPoolParallelism() + 1));
        IntStream.range(0, chunks).parallel().forEach(c ->
                task.run((int) ((long) c * count / chunks), (int) ((long) (c + 1) * count / chunks)));
    }

    public int size() {
        return size;
    }

    /** MTH of all leaves; SHA-256 of the empty string for the empty tree. */
    public byte[] root() {
        return size == 0 ? MerkleHash.emptyRoot() : Arrays.copyOf(levels[levels.length - 1], H);
    }

    public byte[] leafHash(int index) {
        Objects.checkIndex(index, size);
        return hashAt(0, index);
    }

    /**
     * The RFC 9162 inclusion path (section 2.1.3.1) of leaf {@code index}: the siblings from the leaf
     * up to the root, a level contributing nothing where its node was carried up without a sibling.
     */
    public List<byte[]> inclusionPath(int index) {
        Objects.checkIndex(index, size);
        List<byte[]> path = new ArrayList<>(levels.length);
        addSiblings(levels, index, path);
        return path;
    }

    /**
     * This tree's complete subtrees, for proofs between any of its prefixes ({@link MerkleProofs}): a
     * level's node is a complete subtree unless it is the right edge carried up without a sibling.
     */
    public SubtreeHashes subtreeHashes() {
        return (level, index) -> {
            if (level < 0 || level >= levels.length || index < 0 || (index + 1) << level > size) {
                throw new IllegalArgumentException("no complete subtree " + index + " at level " + level + " in a tree of " + size);
            }
            return hashAt(level, (int) index);
        };
    }

    /**
     * Levels {@code height} and up; a tree lower than that has its root alone as level {@code height},
     * since a node of that height there would cover all its leaves.
     */
    byte[][] levelsFrom(int height) {
        if (height >= levels.length) {
            return new byte[][] {root()};
        }
        return Arrays.copyOfRange(levels, height, levels.length);
    }

    /**
     * Adds to {@code path} the sibling of {@code node} on each of {@code levels} but the last, where
     * it has one; each next level holds the parents of the one before, as built here.
     */
    static void addSiblings(byte[][] levels, int node, List<byte[]> path) {
        for (int level = 0; level < levels.length - 1; level++) {
            int sibling = node ^ 1;
            if (sibling < levels[level].length / H) {
                path.add(Arrays.copyOfRange(levels[level], sibling * H, (sibling + 1) * H));
            }
            node >>= 1;
        }
    }

    private byte[] hashAt(int level, int index) {
        return Arrays.copyOfRange(levels[level], index * H, (index + 1) * H);
    }
}
