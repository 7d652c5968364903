package org.energyweb.demo;

import org.energyweb.peers.JsIpfsNode;
import org.energyweb.peers.PeerProcess;

import java.nio.file.Path;

/**
 * Where the demo stores documents: a real js-ipfs node (repository in the data folder) when the
 * project's npm peers are installed, else the local content-addressed block store, from which
 * {@code energyweb ipfs sync} pushes them to a node later.
 */
final class DemoIpfs implements AutoCloseable {

    private final JsIpfsNode node;
    private final Path blockStore;

    private DemoIpfs(JsIpfsNode node, Path blockStore) {
        this.node = node;
        this.blockStore = blockStore;
    }

    static DemoIpfs start(Path dataDir) {
        if (!JsIpfsNode.isInstalled()) {
            return new DemoIpfs(null, dataDir.resolve("ipfs-blocks"));
        }
        JsIpfsNode node = new JsIpfsNode(dataDir.resolve("ipfs-repo"), PeerProcess.freeLoopbackPort(), dataDir.resolve("logs"));
        // The data folder is this demo's alone (its ledger lock) and a killed demo's node has been reaped.
        node.clearStaleLock();
        node.start();
        return new DemoIpfs(node, null);
    }

    /** The node's API URL, or null when documents go to the local block store. */
    String apiUrl() {
        return node != null ? node.apiUrl() : null;
    }

    Path blockStore() {
        return blockStore;
    }

    String describe() {
        return node != null ? "js-ipfs node at " + node.apiUrl() : "local block store " + blockStore + " (js-ipfs not installed)";
    }

    @Override
    public void close() {
        if (node != null) {
            node.stop();
        }
    }
}
