package org.energyweb.tlog.ipfs;

import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFsDirectory;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.tlog.LogSnapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Publishes a gateway's log, as of its latest checkpoint ({@link LogSnapshot}), to IPFS as one UnixFS directory laid
 * out as c2sp.org/tlog-tiles: {@code <root>/checkpoint}, {@code <root>/tile/...}, {@code <root>/checkpoints/<size>}.
 * A gateway path {@code /ipfs/<root>/} is then a tlog-tiles URL prefix. Each publish is a snapshot with its own root;
 * the files are added as CIDv1 raw blocks, so a full tile (immutable by the spec) has the same CID in every snapshot
 * and the node stores it once. The directories are encoded here ({@link UnixFsDirectory}) and put as blocks; the
 * root is pinned recursively, which also makes the node check that it holds the whole tree.
 */
public final class LogPublisher {

    private static final UnixFsOptions FILES = UnixFsOptions.forCidVersion(1);

    private final IpfsClient node;

    public LogPublisher(IpfsClient node) {
        this.node = node;
    }

    /** What was published: the directory's root, the tree size of its checkpoint and how many files it holds. */
    public record Published(Cid root, long size, int files) {
        public String json() {
            return "{\"cid\":\"" + root + "\",\"size\":" + size + ",\"files\":" + files + "}";
        }
    }

    /** Publishes the log of the data folder {@code dataDir}. */
    public Published publish(Path dataDir) {
        LogSnapshot snapshot = LogSnapshot.of(dataDir);
        Folder top = new Folder();
        List<String> paths = snapshot.paths();
        for (String path : paths) {
            byte[] bytes = snapshot.read(path);
            Cid cid = node.add(bytes, FILES, false);
            // one chunk is one raw block, whose DAG is the bytes; a larger file's DAG adds its dag-pb nodes
            long treeSize = bytes.length <= FILES.chunkSize() ? bytes.length : node.stat(cid).cumulativeSize();
            top.put(path.split("/"), 0, new UnixFsDirectory.Link(path.substring(path.lastIndexOf('/') + 1), cid, treeSize));
        }
        UnixFsDirectory.Block root = top.store(node);
        node.pin(root.cid());
        return new Published(root.cid(), snapshot.size(), paths.size());
    }

    /** A directory being assembled: its files' links and its subfolders. */
    private static final class Folder {
        private final Map<String, UnixFsDirectory.Link> files = new TreeMap<>();
        private final Map<String, Folder> folders = new TreeMap<>();

        void put(String[] elements, int at, UnixFsDirectory.Link file) {
            if (at == elements.length - 1) {
                files.put(elements[at], file);
            } else {
                folders.computeIfAbsent(elements[at], name -> new Folder()).put(elements, at + 1, file);
            }
        }

        /** Puts the subfolders' blocks, then this one's, on the node. */
        UnixFsDirectory.Block store(IpfsClient node) {
            List<UnixFsDirectory.Link> links = new ArrayList<>(files.values());
            folders.forEach((name, folder) -> {
                UnixFsDirectory.Block block = folder.store(node);
                links.add(new UnixFsDirectory.Link(name, block.cid(), block.treeSize()));
            });
            UnixFsDirectory.Block block = UnixFsDirectory.of(links);
            node.putDagPbBlock(block.bytes(), block.cid());
            return block;
        }
    }
}
