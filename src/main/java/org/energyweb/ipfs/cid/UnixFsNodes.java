package org.energyweb.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Encodes the dag-pb blocks of a UnixFS file byte for byte as go-ipfs and js-ipfs do: PBNode writes
 * its Links (field 2) before its Data (field 1); a PBLink writes Hash, an empty Name, Tsize; UnixFS
 * Data writes Type=File, Data (only when non-empty), filesize, then one blocksizes entry per child.
 */
final class UnixFsNodes {

    private static final int PBNODE_DATA = 1;
    private static final int PBNODE_LINKS = 2;
    private static final int PBLINK_HASH = 1;
    private static final int PBLINK_NAME = 2;
    private static final int PBLINK_TSIZE = 3;
    private static final int UNIXFS_TYPE = 1;
    private static final int UNIXFS_DATA = 2;
    private static final int UNIXFS_FILESIZE = 3;
    private static final int UNIXFS_BLOCKSIZES = 4;
    private static final int UNIXFS_TYPE_FILE = 2;
    private static final int UNIXFS_TYPE_DIRECTORY = 1;

    private UnixFsNodes() {
    }

    /** A finished block of the DAG, as its parent links to it. */
    record Node(Cid cid, long fileSize, long treeSize) {
    }

    /**
     * Hashes a dag-pb leaf without copying the chunk: the digest is fed the protobuf header, the
     * chunk in place, then the trailing filesize field.
     */
    static Node dagPbLeaf(byte[] chunk, int offset, int length, int cidVersion, MessageDigest sha256) {
        int unixFsLength = 2 + (length > 0 ? Protobuf.bytesFieldSize(length) : 0) + 1 + Varint.size(length);
        ByteArrayOutputStream header = new ByteArrayOutputStream(16);
        header.write(Protobuf.tag(PBNODE_DATA, Protobuf.LENGTH_DELIMITED));
        Varint.write(unixFsLength, header);
        Protobuf.writeVarintField(header, UNIXFS_TYPE, UNIXFS_TYPE_FILE);
        if (length > 0) {
            header.write(Protobuf.tag(UNIXFS_DATA, Protobuf.LENGTH_DELIMITED));
            Varint.write(length, header);
        }
        ByteArrayOutputStream trailer = new ByteArrayOutputStream(10);
        Protobuf.writeVarintField(trailer, UNIXFS_FILESIZE, length);

        sha256.update(header.toByteArray());
        sha256.update(chunk, offset, length);
        sha256.update(trailer.toByteArray());
        Multihash hash = Multihash.sha256(sha256.digest());
        long blockSize = (long) header.size() + length + trailer.size();
        return new Node(cidOfDagPb(hash, cidVersion), length, blockSize);
    }

    static Node rawLeaf(byte[] chunk, int offset, int length, MessageDigest sha256) {
        sha256.update(chunk, offset, length);
        return new Node(Cid.ofRawSha256(sha256.digest()), length, length);
    }

    static Node parent(List<Node> children, int cidVersion, MessageDigest sha256) {
        ByteArrayOutputStream block = new ByteArrayOutputStream(64 + children.size() * 48);
        long fileSize = 0;
        long childrenTreeSize = 0;
        for (Node child : children) {
            ByteArrayOutputStream link = new ByteArrayOutputStream(48);
            Protobuf.writeBytesField(link, PBLINK_HASH, child.cid().toBytes());
            Protobuf.writeBytesField(link, PBLINK_NAME, new byte[0]);
            Protobuf.writeVarintField(link, PBLINK_TSIZE, child.treeSize());
            Protobuf.writeBytesField(block, PBNODE_LINKS, link.toByteArray());
            fileSize += child.fileSize();
            childrenTreeSize += child.treeSize();
        }
        ByteArrayOutputStream unixFs = new ByteArrayOutputStream(16 + children.size() * 4);
        Protobuf.writeVarintField(unixFs, UNIXFS_TYPE, UNIXFS_TYPE_FILE);
        Protobuf.writeVarintField(unixFs, UNIXFS_FILESIZE, fileSize);
        for (Node child : children) {
            Protobuf.writeVarintField(unixFs, UNIXFS_BLOCKSIZES, child.fileSize());
        }
        Protobuf.writeBytesField(block, PBNODE_DATA, unixFs.toByteArray());

        Multihash hash = Multihash.sha256(sha256.digest(block.toByteArray()));
        return new Node(cidOfDagPb(hash, cidVersion), fileSize, block.size() + childrenTreeSize);
    }

    /**
     * A basic (unsharded) UnixFS directory's dag-pb block: one PBLink per entry (Hash, Name, Tsize) in the order
     * given, then Data = UnixFS {Type=Directory}, as go-ipfs and js-ipfs encode it.
     */
    static byte[] directory(List<UnixFsDirectory.Link> links) {
        ByteArrayOutputStream block = new ByteArrayOutputStream(16 + links.size() * 64);
        for (UnixFsDirectory.Link entry : links) {
            ByteArrayOutputStream link = new ByteArrayOutputStream(64);
            Protobuf.writeBytesField(link, PBLINK_HASH, entry.cid().toBytes());
            Protobuf.writeBytesField(link, PBLINK_NAME, entry.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Protobuf.writeVarintField(link, PBLINK_TSIZE, entry.treeSize());
            Protobuf.writeBytesField(block, PBNODE_LINKS, link.toByteArray());
        }
        ByteArrayOutputStream unixFs = new ByteArrayOutputStream(2);
        Protobuf.writeVarintField(unixFs, UNIXFS_TYPE, UNIXFS_TYPE_DIRECTORY);
        Protobuf.writeBytesField(block, PBNODE_DATA, unixFs.toByteArray());
        return block.toByteArray();
    }

    private static Cid cidOfDagPb(Multihash hash, int cidVersion) {
        return cidVersion == 0 ? Cid.v0(hash) : Cid.v1(Codec.DAG_PB, hash);
    }
}
