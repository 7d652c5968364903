package org.energyweb.ipfs.cid;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the CID {@code ipfs add} gives a file, while the file streams through: fixed-size chunks,
 * balanced layout with at most {@value UnixFsOptions#MAX_LINKS} links per node. Memory stays at one
 * chunk plus the CIDs of nodes not yet linked (at most 174 per tree level).
 *
 * <p>The tree is built as js-ipfs's balanced builder does: leaves are grouped in order into parents of
 * 174, those parents again, until one node remains; a batch holding one node is still wrapped in a
 * parent, except when the whole file is one chunk, which is then its own root.
 */
public final class UnixFsFileBuilder extends OutputStream {

    private final UnixFsOptions options;
    private final MessageDigest sha256 = Multihash.newSha256();
    private final byte[] chunk;
    private int chunkLength;
    private long leafCount;
    /** levels.get(0) holds leaves not yet linked, levels.get(1) their parents, and so on. */
    private final List<List<UnixFsNodes.Node>> levels = new ArrayList<>();
    private Cid root;

    public UnixFsFileBuilder(UnixFsOptions options) {
        this.options = options;
        this.chunk = new byte[options.chunkSize()];
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        requireOpen();
        int position = offset;
        int remaining = length;
        while (remaining > 0) {
            if (chunkLength == 0 && remaining >= chunk.length) {
                // a whole chunk lies in the caller's array: hash it in place, no copy
                addLeaf(data, position, chunk.length);
                position += chunk.length;
                remaining -= chunk.length;
                continue;
            }
            int taken = Math.min(remaining, chunk.length - chunkLength);
            System.arraycopy(data, position, chunk, chunkLength, taken);
            chunkLength += taken;
            position += taken;
            remaining -= taken;
            if (chunkLength == chunk.length) {
                addLeaf(chunk, 0, chunkLength);
                chunkLength = 0;
            }
        }
    }

    /** Ends the file and returns its root CID; further writes are refused. */
    public Cid finish() {
        if (root != null) {
            return root;
        }
        // like the chunker of ipfs add: the tail if any, an empty chunk for an empty file
        if (chunkLength > 0 || leafCount == 0) {
            addLeaf(chunk, 0, chunkLength);
            chunkLength = 0;
        }
        for (int level = 0; root == null; level++) {
            List<UnixFsNodes.Node> pending = levels.get(level);
            boolean topLevel = level == levels.size() - 1;
            if (topLevel && pending.size() == 1) {
                root = pending.get(0).cid();
            } else if (!pending.isEmpty()) {
                addToLevel(level + 1, UnixFsNodes.parent(pending, options.cidVersion(), sha256));
                pending.clear();
            }
        }
        return root;
    }

    private void addLeaf(byte[] data, int offset, int length) {
        leafCount++;
        UnixFsNodes.Node leaf = options.rawLeaves()
                ? UnixFsNodes.rawLeaf(data, offset, length, sha256)
                : UnixFsNodes.dagPbLeaf(data, offset, length, options.cidVersion(), sha256);
        addToLevel(0, leaf);
    }

    private void addToLevel(int level, UnixFsNodes.Node node) {
        if (levels.size() == level) {
            levels.add(new ArrayList<>(UnixFsOptions.MAX_LINKS));
        }
        List<UnixFsNodes.Node> pending = levels.get(level);
        pending.add(node);
        if (pending.size() == UnixFsOptions.MAX_LINKS) {
            UnixFsNodes.Node parent = UnixFsNodes.parent(pending, options.cidVersion(), sha256);
            pending.clear();
            addToLevel(level + 1, parent);
        }
    }

    private void requireOpen() {
        if (root != null) {
            throw new IllegalStateException("the file is finished; start a new builder");
        }
    }
}
