package org.energyweb.ipfs.cid;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A basic UnixFS directory node (dag-pb, CIDv1), built locally so that its CID is known before a node stores it.
 * Always a plain directory, never a HAMT-sharded one: the CID then depends only on the entries, not on a node's
 * sharding threshold, and every gateway reads it.
 */
public final class UnixFsDirectory {

    /** The dag-pb spec orders a node's links by their names' bytes. */
    private static final Comparator<Link> BY_NAME_BYTES = (a, b) -> Arrays.compareUnsigned(
            a.name().getBytes(StandardCharsets.UTF_8), b.name().getBytes(StandardCharsets.UTF_8));

    private UnixFsDirectory() {
    }

    /**
     * An entry of a directory.
     *
     * @param treeSize the bytes of the entry's whole DAG (the link's Tsize): a single raw block's length, or a
     *                 directory's block plus its entries' tree sizes
     */
    public record Link(String name, Cid cid, long treeSize) {
        public Link {
            if (name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("a directory entry's name is one non-empty path element, not '" + name + "'");
            }
        }
    }

    /** A directory's block, its CID and the tree size a parent's link to it carries. */
    public record Block(Cid cid, byte[] bytes, long treeSize) {
    }

    public static Block of(Collection<Link> entries) {
        List<Link> sorted = entries.stream().sorted(BY_NAME_BYTES).toList();
        byte[] bytes = UnixFsNodes.directory(sorted);
        Cid cid = Cid.v1(Codec.DAG_PB, Multihash.sha256(Multihash.newSha256().digest(bytes)));
        return new Block(cid, bytes, bytes.length + sorted.stream().mapToLong(Link::treeSize).sum());
    }
}
