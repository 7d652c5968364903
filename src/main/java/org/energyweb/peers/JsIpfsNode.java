package org.energyweb.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.rpc.IpfsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A js-ipfs node (the project's npm peer) run offline on a loopback port, with its repository in a
 * folder that outlives it: {@link #stop()} then {@link #start()} is a node that went down and came
 * back with everything it held.
 */
public final class JsIpfsNode implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repo;
    private final int port;
    private final Path logDir;
    private PeerProcess daemon;

    /** Initialises the repository on first use, set up offline and with its API on 127.0.0.1:{@code port}. */
    public JsIpfsNode(Path repo, int port, Path logDir) {
        this.repo = repo.toAbsolutePath();
        this.port = port;
        this.logDir = logDir;
        try {
            if (!Files.exists(this.repo.resolve("config"))) {
                Files.createDirectories(this.repo.getParent());
                runCli(List.of("init", "--profile", "test"));
            }
            configureOfflineOnLoopback();
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the js-ipfs repository " + this.repo + ": " + e.getMessage(), e);
        }
    }

    /** True when the project's npm peers include js-ipfs. */
    public static boolean isInstalled() {
        return Files.exists(cli());
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The URL of the node's read-only HTTP gateway ({@code http://127.0.0.1:PORT}, serving {@code /ipfs/<CID>/<path>}). The
     * gateway listens on a port of the system's choosing, which the daemon prints when it opens it.
     */
    public String gatewayUrl() {
        Pattern listening = Pattern.compile("Gateway \\(read only\\) listening on /ip4/127\\.0\\.0\\.1/tcp/([0-9]+)/http");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            try {
                // the last one: a restarted daemon may write after its earlier run
                Matcher found = listening.matcher(Files.readString(daemon.log()));
                String port = null;
                while (found.find()) {
                    port = found.group(1);
                }
                if (port != null) {
                    return "http://127.0.0.1:" + port;
                }
            } catch (IOException notYet) {
                // the daemon has not written its log yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("js-ipfs did not open its gateway; see " + daemon.log());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the js-ipfs gateway", e);
            }
        }
    }

    public IpfsClient client() {
        return new IpfsClient(IpfsClientConfig.of(apiUrl()).withTimeout(Duration.ofSeconds(10)));
    }

    /**
     * Removes the API file and repository lock that a daemon killed with SIGKILL leaves behind (a new
     * daemon takes them for a running one and exits). Only for a repository no daemon runs on.
     */
    public void clearStaleLock() {
        try {
            Files.deleteIfExists(repo.resolve("api"));
            Path lock = repo.resolve("repo.lock");
            if (Files.isDirectory(lock)) {
                try (var files = Files.list(lock)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear the stale lock of the js-ipfs repository " + repo + ": " + e.getMessage(), e);
        }
    }

    /** Starts the daemon and waits until its API answers. */
    public void start() {
        List<String> command = new ArrayList<>(nodeCommand());
        command.addAll(List.of("daemon", "--offline"));
        daemon = PeerProcess.start("js-ipfs", port, command, PeerProcess.peersDir(), READY_WITHIN, logDir);
        awaitApi();
    }

    public void stop() {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitApi() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            try {
                // A fresh client each try: one client's circuit breaker would stop asking a node that is still starting.
                client().id();
                return;
            } catch (IpfsException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("js-ipfs API not ready; see " + daemon.log(), notYet);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for js-ipfs", e);
                }
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

    private void runCli(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(nodeCommand());
        command.addAll(arguments);
        Files.createDirectories(logDir);
        Path log = logDir.toAbsolutePath().resolve("js-ipfs-" + arguments.get(0) + ".log");
        PeerProcess.runToCompletion("js-ipfs " + arguments, command, PeerProcess.peersDir(), log, READY_WITHIN);
    }

    private static Path cli() {
        return PeerProcess.peersDir().resolve("node_modules/ipfs/src/cli.js");
    }

    /** js-ipfs 0.66 needs Promise.withResolvers, which Node 20 lacks: preload the project's polyfill. */
    private List<String> nodeCommand() {
        if (!isInstalled()) {
            throw new IllegalStateException("js-ipfs is not installed: run npm install in " + PeerProcess.peersDir());
        }
        return List.of("env", "IPFS_PATH=" + repo, "node", "-r", PeerProcess.peersDir().resolve("polyfill.cjs").toString(),
                cli().toString());
    }
}
