package org.energyweb.peers;

import org.web3j.crypto.Credentials;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real anvil dev chain (the npm peer) on a free loopback port (chain id 1337, the well-known test
 * mnemonic), for tests and the demo.
 * It can be stopped and started again on the same port, keeping its chain in a state file.
 */
public final class AnvilPeer implements AutoCloseable {

    public static final long CHAIN_ID = 1337;
    /** Accounts 0 and 1 of "test test ... junk": public development keys, funded on every dev chain. */
    public static final Credentials ACCOUNT_0 = Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public static final Credentials ACCOUNT_1 = Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    private final int port;
    private final Integer blockTimeSeconds;
    private final Path stateFile;
    private final List<String> extraArguments;
    private PeerProcess process;

    private AnvilPeer(int port, Integer blockTimeSeconds, Path stateFile, List<String> extraArguments) {
        this.port = port;
        this.blockTimeSeconds = blockTimeSeconds;
        this.stateFile = stateFile;
        this.extraArguments = extraArguments;
    }

    /** Mines a block per transaction, at once. */
    public static AnvilPeer automine() {
        return new AnvilPeer(PeerProcess.freeLoopbackPort(), null, null, List.of()).start();
    }

    /** Mines a block every {@code seconds}. */
    public static AnvilPeer blockTime(int seconds) {
        return new AnvilPeer(PeerProcess.freeLoopbackPort(), seconds, null, List.of()).start();
    }

    /** Mines a block every {@code seconds} (null: at once), started with further anvil options. */
    public static AnvilPeer with(Integer blockTimeSeconds, String... anvilOptions) {
        return new AnvilPeer(PeerProcess.freeLoopbackPort(), blockTimeSeconds, null, List.of(anvilOptions)).start();
    }

    /** Keeps its chain in {@code stateFile} across {@link #stop()} and {@link #start()}. */
    public static AnvilPeer persistent(Integer blockTimeSeconds, Path stateFile, String... anvilOptions) {
        return new AnvilPeer(PeerProcess.freeLoopbackPort(), blockTimeSeconds, stateFile, List.of(anvilOptions)).start();
    }

    public AnvilPeer start() {
        Path peers = PeerProcess.peersDir();
        List<String> command = new ArrayList<>(List.of(
                peers.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil").toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--chain-id", String.valueOf(CHAIN_ID),
                "--mnemonic", "test test test test test test test test test test test junk", "--silent"));
        if (blockTimeSeconds != null) {
            command.addAll(List.of("--block-time", String.valueOf(blockTimeSeconds)));
        }
        if (stateFile != null) {
            command.addAll(List.of("--state", stateFile.toString()));
        }
        command.addAll(extraArguments);
        process = PeerProcess.start("anvil", port, command, peers, Duration.ofSeconds(20));
        return this;
    }

    /** Stops the node the way an operator does (SIGTERM): a persistent one writes its state file. */
    public void stop() {
        process.close();
    }

    /** Kills the node (SIGKILL), as a crash would: only what it had already written to its state file survives. */
    public void kill() {
        process.kill();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
