package org.energyweb.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The upper part of a batch tree: the roots of its aligned blocks of 2^height leaves and every level
 * above them, up to the batch root. Kept per batch, it turns an inclusion proof in a million-leaf
 * batch into hashing one block: the path's lower hashes come from the leaf's block, rebuilt from its
 * leaves, the upper ones from here. That is exact because RFC 9162's tree, built level by level, has
 * every block of 2^height leaves aligned at a multiple of 2^height as one subtree (the last block
 * possibly partial, carried up as the whole tree's right edge is); see {@link MerkleTree}.
 *
 * <p>Serialized as "EWMT", a version byte, the height byte, the leaf count as 8 bytes, then the
 * levels from the block roots up, 32 bytes a node: for a million leaves and height 8, 256 KB.
 */
public final class MerkleTreeTop {

    /** Blocks of 256 leaves: a proof hashes at most 511 nodes, and the top is 1/128 of the leaf hashes. */
    public static final int DEFAULT_HEIGHT = 8;
    private static final byte[] MAGIC = "EWMT".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int HEADER = MAGIC.length + 2 + Long.BYTES;
    private static final int H = MerkleHash.LENGTH;

    private final long size;
    private final int height;
    /** levels[0] holds the block roots, the last level the batch root alone. */
    private final byte[][] levels;

    private MerkleTreeTop(long size, int height, byte[][] levels) {
        this.size = size;
        this.height = height;
        this.levels = levels;
    }

    public static MerkleTreeTop of(MerkleTree tree, int height) {
        if (tree.size() == 0) {
            throw new IllegalArgumentException("the empty tree has no blocks");
        }
        checkHeight(height);
        return new MerkleTreeTop(tree.size(), height, tree.levelsFrom(height));
    }

    private static void checkHeight(int height) {
        if (height < 0 || height > 30) {
            throw new IllegalArgumentException("block height must be between 0 and 30, not " + height);
        }
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        return levels[levels.length - 1].clone();
    }

    /** The block holding leaf {@code index}. */
    public int blockOf(long index) {
        Objects.checkIndex(index, size);
        return (int) (index >>> height);
    }

    /** The index of the first leaf of {@code block}. */
    public long blockStart(int block) {
        return (long) block << height;
    }

    /** How many leaves {@code block} has: 2^height, fewer for the last one. */
    public int blockLength(int block) {
        return (int) Math.min(1L << height, size - blockStart(block));
    }

    /**
     * The inclusion path of leaf {@code index}, from {@code block}, the tree of that leaf's block.
     *
     * @throws IllegalArgumentException when {@code block} is not the tree of that block's leaves
     *                                  (its size or its root differs from what this top holds)
     */
    public BatchPath path(MerkleTree block, long index, Anchor anchor) {
        int number = blockOf(index);
        if (block.size() != blockLength(number)
                || !Arrays.equals(block.root(), Arrays.copyOfRange(levels[0], number * H, (number + 1) * H))) {
            throw new IllegalArgumentException("the leaves given for block " + number + " do not give the block root this top holds");
        }
        List<byte[]> path = new ArrayList<>(block.inclusionPath((int) (index - blockStart(number))));
        MerkleTree.addSiblings(levels, number, path);
        return new BatchPath(index, size, path, root(), anchor);
    }

    public byte[] toBytes() {
        int length = HEADER;
        for (byte[] level : levels) {
            length += level.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length).put(MAGIC).put(VERSION).put((byte) height).putLong(size);
        for (byte[] level : levels) {
            out.put(level);
        }
        return out.array();
    }

    /** @throws IllegalArgumentException when {@code bytes} are not a tree top of this format */
    public static MerkleTreeTop fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC) || bytes[MAGIC.length] != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " Merkle tree top");
        }
        in.position(MAGIC.length + 1);
        int height = in.get();
        long size = in.getLong();
        checkHeight(height);
        if (size < 1) {
            throw new IllegalArgumentException("a Merkle tree top of " + size + " leaves");
        }
        List<byte[]> levels = new ArrayList<>();
        long count = (size + (1L << height) - 1) >>> height;
        while (true) {
            if (count * H > in.remaining()) {
                throw new IllegalArgumentException("a Merkle tree top of " + size + " leaves is cut short");
            }
            byte[] level = new byte[(int) (count * H)];
            in.get(level);
            levels.add(level);
            if (count == 1) {
                break;
            }
            count = (count + 1) / 2;
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("a Merkle tree top of " + size + " leaves has " + in.remaining() + " bytes too many");
        }
        return new MerkleTreeTop(size, height, levels.toArray(new byte[0][]));
    }
}
