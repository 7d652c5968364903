package org.energyweb.ipfs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.rpc.IpfsException;
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

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path repo;
    private int port;
    private PeerProcess daemon;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        repo = Files.createTempDirectory("energyweb-ipfs-repo");
        port = PeerProcess.freeLoopbackPort();
        runCli(List.of("init", "--profile", "test"));
        configureOfflineOnLoopback();
        start();
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
        return "http://127.0.0.1:" + port;
    }

    public IpfsClient client() {
        return new IpfsClient(IpfsClientConfig.of(apiUrl()).withTimeout(Duration.ofSeconds(10)));
    }

    /** Starts the daemon on the same port and repository and waits until its API answers. */
    public void start() {
        List<String> command = new ArrayList<>(nodeCommand());
        command.addAll(List.of("daemon", "--offline"));
        daemon = PeerProcess.start("js-ipfs", port, command, PeerProcess.peersDir(), READY_WITHIN);
        awaitApi();
    }

    public void stop() {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
    }

    private void awaitApi() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        IpfsClient client = client();
        while (true) {
            try {
                client.id();
                return;
            } catch (IpfsException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("js-ipfs API not ready; see " + daemon.log(), notYet);
                }
                sleep(100);
            }
        }
    }

    /** No swarm, no bootstrap peers, no discovery, no gateway or gRPC port that could clash with another node. */
    private void configureOfflineOnLoopback() throws IOException {
        Path configFile = repo.resolve("config");
        ObjectNode config = (ObjectNode) JSON.readTree(configFile.toFile());
        ObjectNode addresses = (ObjectNode) config.get("Addresses");
        addresses.put("API", "/ip4/127.0.0.1/tcp/" + port);
        addresses.putArray("Swarm");
        addresses.put("Gateway", "/ip4/127.0.0.1/tcp/0");
        addresses.put("RPC", "/ip4/127.0.0.1/tcp/0");
        addresses.putArray("Delegates");
        config.putArray("Bootstrap");
        ObjectNode discovery = config.with("Discovery");
        discovery.with("MDNS").put("Enabled", false);
        discovery.with("webRTCStar").put("Enabled", false);
        JSON.writerWithDefaultPrettyPrinter().writeValue(configFile.toFile(), config);
    }

    private void runCli(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(nodeCommand());
        command.addAll(arguments);
        Path log = repo.resolveSibling(repo.getFileName() + "-cli.log");
        Process process = new ProcessBuilder(command).directory(PeerProcess.peersDir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("js-ipfs " + arguments + " failed: " + Files.readString(log));
        }
    }

    /** js-ipfs 0.66 needs Promise.withResolvers, which Node 20 lacks: preload the project's polyfill. */
    private List<String> nodeCommand() {
        Path peers = PeerProcess.peersDir();
        Path cli = peers.resolve("node_modules/ipfs/src/cli.js");
        if (!Files.exists(cli)) {
            throw new UncheckedIOException(new IOException("js-ipfs is not installed: run npm ci in " + peers));
        }
        return List.of("env", "IPFS_PATH=" + repo, "node", "-r", peers.resolve("polyfill.cjs").toString(), cli.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
