package org.energyweb.chaos;

import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.origin.OriginAdmin;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.tx.DirectTransactor;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.Signer;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerException;
import org.energyweb.ledger.LedgerStatus;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.JsIpfsNode;
import org.energyweb.peers.PeerProcess;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One chaos scenario's world, all on loopback in one folder: an anvil chain (state kept across
 * restarts) with our contracts and one Origin asset per simulated meter, a js-ipfs node, the
 * gateway's keystore and config, and the real gateway process running
 * {@code routes/examples/full-gateway.camel.yaml} (plus the route of each Modbus meter added) on a data folder.
 */
final class ChaosRig implements AutoCloseable {

    static final Path ROUTE = GatewayProcess.PROJECT.resolve("routes/examples/full-gateway.camel.yaml");
    private static final String METER_ROUTE_PREFIX = "chaos-meter-";

    final Path root;
    final Path data;
    final Path inbox;
    final AnvilPeer anvil;
    final JsIpfsNode ipfs;
    final Eth eth;
    final String producing;
    final Map<String, BigInteger> assets = new LinkedHashMap<>();
    private final OriginAdmin admin;
    private final Path config;
    private final Path drainConfig;
    private final Path log;
    private String gateway;
    /** The route file, or a folder holding it and the routes of meters the rig added. */
    private Path routes = ROUTE;

    private ChaosRig(Path root, AnvilPeer anvil, JsIpfsNode ipfs) {
        this.root = root;
        this.data = root.resolve("data");
        this.inbox = root.resolve("inbox");
        this.config = root.resolve("gateway.properties");
        this.drainConfig = root.resolve("drain.properties");
        this.log = root.resolve("gateway.log");
        this.anvil = anvil;
        this.ipfs = ipfs;
        this.eth = eth(anvil);
        this.admin = admin(eth);
        this.producing = admin.deploy().producing();
    }

    /** A client of the test chain. */
    static Eth eth(AnvilPeer anvil) {
        return new Eth(JsonRpcClient.connect(anvil.url(), false, Duration.ofSeconds(10)));
    }

    /** The operator who deploys the contracts and onboards assets: anvil's first account. */
    static OriginAdmin admin(Eth eth) {
        return new OriginAdmin(eth, new DirectTransactor(eth, new Signer(AnvilPeer.ACCOUNT_0, eth.chainId()),
                GasPolicy.DEFAULT, Duration.ofMillis(20), Duration.ofSeconds(30)), AnvilPeer.ACCOUNT_0.getAddress());
    }

    /** The gateway's signing key: a keystore and its password file in a test folder, and its funded address. */
    record GatewayKey(Path keystore, Path passwordFile, String address) {

        /** Creates the key in {@code root} and funds its account on the chain. */
        static GatewayKey create(Path root, Eth eth) {
            Path keystore = root.resolve("gateway-key.json");
            Path passwordFile = root.resolve("gateway-key.password");
            try {
                Files.writeString(passwordFile, "chaos-password\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String address = Keystore.create(keystore, "chaos-password".toCharArray(), Keystore.Strength.LIGHT);
            eth.rpc().callAndWait("anvil_setBalance", address, "0x3635C9ADC5DEA00000");
            return new GatewayKey(keystore, passwordFile, address);
        }
    }

    /** Starts the peers and prepares key, assets and config for {@code meters} meters read every {@code period}. */
    static ChaosRig start(Path root, int meters, Duration period) {
        AnvilPeer anvil = AnvilPeer.persistent(null, root.resolve("anvil-state.json"));
        JsIpfsNode ipfs = new JsIpfsNode(root.resolve("ipfs-repo"), PeerProcess.freeLoopbackPort(), root.resolve("peers"));
        ChaosRig rig;
        try {
            ipfs.start();
            rig = new ChaosRig(root, anvil, ipfs);
        } catch (RuntimeException e) {
            ipfs.stop();
            anvil.close();
            throw e;
        }
        rig.configure(meters, period);
        return rig;
    }

    private void configure(int meters, Duration period) {
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GatewayKey key = GatewayKey.create(root, eth);
        gateway = key.address();
        Properties settings = new Properties();
        settings.setProperty("energyweb.data", data.toString());
        settings.setProperty("energyweb.simulator.meters", Integer.toString(meters));
        settings.setProperty("energyweb.simulator.period", Long.toString(period.toMillis()));
        settings.setProperty("energyweb.simulator.profile", "household");
        settings.setProperty("energyweb.inbox", inbox.toString());
        settings.setProperty("energyweb.ipfs.api", ipfs.apiUrl());
        settings.setProperty("energyweb.chain.rpc", anvil.url());
        settings.setProperty("energyweb.origin.producing", producing);
        settings.setProperty("energyweb.origin.keystore", key.keystore().toString());
        settings.setProperty("energyweb.origin.passwordFile", key.passwordFile().toString());
        // Metrics read from the ledger follow it closely, so a test sees them agree soon after a change.
        settings.setProperty("energyweb.metrics.refresh-millis", "300");
        for (int i = 1; i <= meters; i++) {
            BigInteger asset = admin.onboard(Registry.PRODUCING, producing, gateway, AnvilPeer.ACCOUNT_0.getAddress());
            assets.put("sim-" + i, asset);
            settings.setProperty("energyweb.asset.sim-" + i, asset.toString());
        }
        write(config, settings);
        // The same gateway without its meters: only the outbox routes run, so the hops can catch up.
        settings.setProperty("camel.main.routeFilterExcludePattern", "full-gateway-meters," + METER_ROUTE_PREFIX + "*");
        write(drainConfig, settings);
    }

    /**
     * Adds a Modbus TCP meter at {@code port} on loopback, read by the gateway through the
     * modbus-meter-source kamelet with {@code options} (period, breaker...), ledgered and anchored on
     * an asset of its own like the simulated meters.
     */
    void addModbusMeter(String meterId, int port, Map<String, String> options) {
        BigInteger asset = admin.onboard(Registry.PRODUCING, producing, gateway, AnvilPeer.ACCOUNT_0.getAddress());
        assets.put(meterId, asset);
        for (Path file : List.of(config, drainConfig)) {
            Properties settings = read(file);
            settings.setProperty("energyweb.asset." + meterId, asset.toString());
            write(file, settings);
        }
        StringBuilder parameters = new StringBuilder();
        options.forEach((name, value) -> parameters.append("\n        ").append(name).append(": \"").append(value).append('"'));
        String route = """
                - route:
                    id: %s%s
                    from:
                      uri: "kamelet:modbus-meter-source"
                      parameters:
                        meterId: "%s"
                        host: "127.0.0.1"
                        port: %d%s
                      steps:
                        - to:
                            uri: "kamelet:ledger-append-action"
                            parameters:
                              dataDir: "{{energyweb.data}}"
                """.formatted(METER_ROUTE_PREFIX, meterId, meterId, port, parameters);
        try {
            Path folder = Files.createDirectories(root.resolve("routes"));
            if (!Files.exists(folder.resolve(ROUTE.getFileName()))) {
                Files.copy(ROUTE, folder.resolve(ROUTE.getFileName()));
            }
            Files.writeString(folder.resolve(METER_ROUTE_PREFIX + meterId + ".camel.yaml"), route, StandardCharsets.UTF_8);
            routes = folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes {@code meter}'s asset mapping out of the gateway's config: as a meter added without one. */
    void unmap(String meter) {
        for (Path file : List.of(config, drainConfig)) {
            Properties settings = read(file);
            settings.remove("energyweb.asset." + meter);
            write(file, settings);
        }
    }

    /** Puts {@code meter}'s asset mapping (back) into the gateway's config. */
    void map(String meter) {
        for (Path file : List.of(config, drainConfig)) {
            Properties settings = read(file);
            settings.setProperty("energyweb.asset." + meter, assets.get(meter).toString());
            write(file, settings);
        }
    }

    /** Runs {@code energyweb dlq replay --all} on the stopped gateway's data folder; returns its exit code. */
    int replayDeadLetters() {
        GatewayProcess replay = GatewayProcess.launch(log, "dlq", "replay", "--all", "--data", data.toString());
        Integer exit = replay.awaitExit(Duration.ofSeconds(60));
        if (exit == null) {
            replay.kill();
            throw new IllegalStateException("dlq replay did not end within a minute:\n" + replay.output());
        }
        return exit;
    }

    /** Starts the gateway on the rig's data folder and waits until it ledgers readings. */
    GatewayProcess startGateway() {
        long before;
        try (Ledger ledger = Ledger.open(data)) {
            before = ledger.size();
        }
        // Minutes, not seconds: a JVM start on a loaded 2-core machine took over 20 s.
        return GatewayProcess.launch(log, "run", "--routes", routes.toString(), "--config", config.toString(), "--data", data.toString())
                .awaitReady(() -> readings() > before, Duration.ofMinutes(3));
    }

    /** Runs the gateway with the rig's config minus {@code setting}, and returns at once. */
    GatewayProcess launchGatewayWithout(String setting) {
        Properties settings = read(config);
        settings.remove(setting);
        Path broken = root.resolve("without-" + setting + ".properties");
        write(broken, settings);
        return GatewayProcess.launch(log, "run", "--routes", routes.toString(), "--config", broken.toString(), "--data", data.toString());
    }

    /**
     * Runs the gateway without meters until every reading is on IPFS and confirmed on chain (or
     * neither count grew for {@code stalled}), then stops it with SIGTERM.
     */
    void drain(Duration stalled) {
        GatewayProcess gateway = launchDrainGateway();
        try {
            gateway.awaitReady(this::drained, () -> storedOnIpfs() + confirmed(), stalled);
        } finally {
            gateway.stop();
        }
    }

    /** Runs the gateway without meters (only the outbox routes, so the hops catch up) and returns at once. */
    GatewayProcess launchDrainGateway() {
        return GatewayProcess.launch(log, "run", "--routes", routes.toString(), "--config", drainConfig.toString(), "--data", data.toString());
    }

    /** True once every reading of the ledger is stored on IPFS and confirmed on chain. */
    boolean drained() {
        return running().filter(total -> total.readings() > 0 && count(total, "ipfs", "stored") == total.readings()
                && count(total, "chain", "confirmed") == total.readings()).isPresent();
    }

    /** Readings confirmed on chain, as the running gateway's ledger records it (0 until it has opened the ledger). */
    long confirmed() {
        return running().map(total -> count(total, "chain", "confirmed")).orElse(0L);
    }

    /** Readings recorded as stored on IPFS by the running gateway. */
    long storedOnIpfs() {
        return running().map(total -> count(total, "ipfs", "stored")).orElse(0L);
    }

    /** Readings in the running gateway's ledger. */
    long readings() {
        return running().map(total -> total.readings()).orElse(0L);
    }

    /** Readings of {@code meter} in {@code state} on the chain hop, as the running gateway's ledger records it. */
    long onChain(String meter, String state) {
        return status().map(status -> status.meters().get(meter)).map(counts -> count(counts, "chain", state)).orElse(0L);
    }

    /** Readings of each meter in the running gateway's ledger (none until it has opened the ledger). */
    Map<String, Long> readingsByMeter() {
        Map<String, Long> readings = new LinkedHashMap<>();
        status().ifPresent(status -> status.meters().forEach((meter, counts) -> readings.put(meter, counts.readings())));
        return readings;
    }

    private Optional<LedgerStatus.Counts> running() {
        return status().map(LedgerStatus::total);
    }

    /**
     * The ledger's status, read beside the running gateway without locking it out; empty until the
     * gateway has opened the ledger in WAL mode (a reader cannot open it before).
     */
    Optional<LedgerStatus> status() {
        if (!Files.exists(data.resolve("ledger.db-shm"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(LedgerStatus.read(data));
        } catch (LedgerException notReadableYet) {
            // The -shm a killed gateway left exists before the next one has opened (and recovered) the
            // ledger, and a read-only reader cannot recover it: not there yet, so the wait goes on.
            return Optional.empty();
        }
    }

    private static long count(LedgerStatus.Counts counts, String hop, String state) {
        return counts.hops().getOrDefault(hop, Map.of()).getOrDefault(state, 0L);
    }

    /** Drops a file into the gateway's inbox folder (written aside first, so it is never read half-written). */
    void dropIntoInbox(String name, String content) {
        try {
            Path staged = Files.writeString(root.resolve(name), content, StandardCharsets.UTF_8);
            Files.move(staged, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    private static Properties read(Path file) {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    static void write(Path file, Properties settings) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(writer, "chaos test gateway");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        ipfs.stop();
        anvil.close();
    }
}
