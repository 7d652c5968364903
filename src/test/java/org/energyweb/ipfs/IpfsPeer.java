package org.energyweb.ipfs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.peers.JsIpfsNode;
import org.energyweb.peers.PeerProcess;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real js-ipfs node for one test class, offline, on a free loopback port, with its repository in a
 * temporary folder. Register it as {@code @RegisterExtension static final IpfsPeer IPFS = new IpfsPeer();}:
 * starting js-ipfs takes seconds, so the tests of a class share it. {@link #stop()} and {@link #start()}
 * keep the repository and the port, as a node that goes down and comes back.
 */
public final class IpfsPeer implements BeforeAllCallback, AfterAllCallback {

    private Path repo;
    private JsIpfsNode node;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        repo = Files.createTempDirectory("energyweb-ipfs-repo");
        node = new JsIpfsNode(repo.resolve("repo"), PeerProcess.freeLoopbackPort(), Path.of("target", "peers"));
        node.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (repo != null) {
            try (Stream<Path> files = Files.walk(repo)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    public String apiUrl() {
        return node.apiUrl();
    }

    /** The node's read-only HTTP gateway, e.g. {@code http://127.0.0.1:PORT} (its paths: {@code /ipfs/<CID>/...}). */
    public String gatewayUrl() {
        return node.gatewayUrl();
    }

    /**
     * A client whose calls may take minutes: adding tens of MiB to js-ipfs on a loaded 2-core machine
     * outlasts the demo's ten seconds, and these tests assert what the node answers, not how fast.
     */
    public IpfsClient client() {
        return new IpfsClient(IpfsClientConfig.of(node.apiUrl()).withTimeout(Duration.ofMinutes(3)));
    }

    /** Starts the daemon on the same port and repository and waits until its API answers. */
    public void start() {
        node.start();
    }

    public void stop() {
        if (node != null) {
            node.stop();
        }
    }
}
