package org.energyweb.demo;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.cli.Plural;
import org.energyweb.fleet.gateway.FleetResults;
import org.energyweb.fleet.gateway.KafkaHop;
import org.energyweb.fleet.store.BatchState;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.ipfs.store.IpfsHop;
import org.energyweb.ledger.LedgerStatus;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.KafkaBroker;
import org.energyweb.peers.PeerProcess;
import org.energyweb.peers.PostgresServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code energyweb demo --fleet}: a fleet on one machine, every part a real engine or process. A
 * KRaft broker (child JVM), PostgreSQL, anvil with our contracts and js-ipfs (when the npm peers are
 * installed); N gateway processes ({@code energyweb run} on routes/examples/fleet-gateway.camel.yaml,
 * simulated meters, ledger, the kafka hop, proofs back on their {@code fleet} hop, documents on IPFS)
 * and two anchoring workers ({@code energyweb anchor-service}) in one consumer group. Each run has its
 * own folder under {@code DATA/fleet/}. When the meters stop, the gateways are restarted without
 * them, so their outboxes drain (a restart the outbox resumes from); then everything stops and
 * {@link FleetAudit} checks the outcome independently. Every process it starts ends when it dies, even
 * by SIGKILL ({@link PeerProcess#launch}).
 */
public final class FleetDemo implements AutoCloseable {

    static final String TOPIC = "energyweb-readings";
    static final String RESULTS = "energyweb-anchors";
    static final String METERS_ROUTE = "fleet-gateway-meters";
    private static final int PARTITIONS = 6;
    private static final int WORKERS = 2;
    private static final Duration STARTUP = Duration.ofMinutes(3);

    /** What the demo runs: gateways, meters per gateway, the time between two readings of a meter. */
    public record Fleet(int gateways, int meters, Duration period) {
    }

    private final Fleet fleet;
    private final Path run;
    private final List<AutoCloseable> peers = new ArrayList<>();
    private final List<EnergywebProcess> gateways = new ArrayList<>();
    private final List<EnergywebProcess> workers = new ArrayList<>();
    private final Consumer<String> log;
    private KafkaBroker broker;
    private PostgresServer postgres;
    private AnvilPeer anvil;
    private Eth eth;
    private String anchorContract;
    private DemoIpfs ipfs;
    private FleetStore store;
    private Admin admin;

    private FleetDemo(Fleet fleet, Path run, Consumer<String> log) {
        this.fleet = fleet;
        this.run = run;
        this.log = log;
    }

    /** Starts the engines, the workers and the gateways; the meters read from then on. */
    public static FleetDemo start(Path dataDir, Fleet fleet, Consumer<String> log) {
        Path run = dataDir.resolve("fleet").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        FleetDemo demo = new FleetDemo(fleet, run, log);
        try {
            demo.startEngines();
            demo.startWorkers();
            demo.startGateways(true);
            demo.awaitEveryMeter();
            return demo;
        } catch (RuntimeException | Error e) {
            demo.close();
            throw e;
        }
    }

    private void startEngines() {
        createFolder(run);
        log.accept(String.format("Energyweb fleet demo: %s of %s each, a reading each %d ms, %d anchoring workers; run folder %s",
                Plural.of(fleet.gateways(), "gateway"), Plural.of(fleet.meters(), "simulated meter"), fleet.period().toMillis(), WORKERS, run));
        broker = KafkaBroker.start(run.resolve("kafka"));
        peers.add(broker);
        broker.createTopic(TOPIC, PARTITIONS);
        broker.createTopic(RESULTS, 1);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        log.accept("Kafka: KRaft broker at " + broker.bootstrapServers() + ", topic " + TOPIC + " (" + PARTITIONS + " partitions), results on " + RESULTS);
        postgres = PostgresServer.create();
        peers.add(postgres);
        store = new FleetStore(postgres.jdbcUrl());
        log.accept("PostgreSQL: the anchor service's database on port " + postgres.port());
        anvil = AnvilPeer.automine();
        peers.add(anvil);
        eth = new Eth(JsonRpcClient.connect(anvil.url(), false, Duration.ofSeconds(30)));
        anchorContract = DemoChain.admin(eth).deploy().anchor();
        log.accept("chain: anvil at " + anvil.url() + ", ReadingAnchor contract " + anchorContract);
        ipfs = DemoIpfs.start(run);
        peers.add(ipfs);
        log.accept("IPFS: " + ipfs.describe());
    }

    /** The service's own key (a development key, its password in a file beside it), funded on the dev chain. */
    private void startWorkers() {
        Path keys = createFolder(run.resolve("service"));
        Path keystore = keys.resolve("service-key.json");
        Path passwordFile = keys.resolve("service-key.password");
        Keystore.create(keystore, DemoChain.newPassword(passwordFile), Keystore.Strength.LIGHT);
        eth.rpc().callAndWait("anvil_setBalance", Keystore.address(keystore), "0x3635C9ADC5DEA00000");
        List<String> gatewayOptions = gatewayIds().stream().flatMap(id -> java.util.stream.Stream.of("--gateway", id)).toList();
        for (int w = 1; w <= WORKERS; w++) {
            List<String> arguments = new ArrayList<>(List.of("anchor-service", "--brokers", broker.bootstrapServers(), "--topic", TOPIC,
                    "--group", "energyweb-anchors", "--worker-id", "worker-" + w, "--jdbc-url", postgres.jdbcUrl(),
                    "--batch-size", "1000", "--batch-interval", "PT2S", "--session-timeout", "PT10S",
                    "--rpc", anvil.url(), "--contract", anchorContract, "--keystore", keystore.toString(),
                    "--password-file", passwordFile.toString(), "--resend-after", "PT10S", "--results-topic", RESULTS));
            if (ipfs.apiUrl() != null) {
                // each batch's manifest (its readings in leaf order) goes to IPFS, its CID on chain with the root
                arguments.addAll(List.of("--ipfs-api", ipfs.apiUrl()));
            }
            arguments.addAll(gatewayOptions);
            workers.add(EnergywebProcess.start("worker-" + w, arguments, run.resolve("logs")));
        }
        log.accept("anchoring workers: " + workers.stream().map(EnergywebProcess::name).collect(Collectors.joining(", "))
                + " (energyweb anchor-service, one consumer group, the service's key " + Keystore.address(keystore) + ")");
    }

    /** Starts each gateway process; {@code withMeters} false: only its outbox and results routes, to drain. */
    private void startGateways(boolean withMeters) {
        Path routes = gatewayRoutes();
        for (String id : gatewayIds()) {
            Path config = run.resolve(id + (withMeters ? "" : "-drain") + ".properties");
            writeConfig(config, id, withMeters);
            gateways.add(EnergywebProcess.start(id, List.of("run", "--routes", routes.toString(), "--config", config.toString(),
                    "--data", run.resolve(id).toString()), run.resolve("logs")));
        }
        if (withMeters) {
            log.accept("gateways: " + String.join(", ", gatewayIds()) + " (energyweb run, routes in " + routes + "; logs in "
                    + run.resolve("logs") + ")");
        }
    }

    /**
     * Until every gateway has ledgered a reading of each of its meters: a JVM and its Camel routes take seconds to
     * start (more on a busy machine), which must not eat into the meters' reading time.
     */
    private void awaitEveryMeter() {
        log.accept("waiting for every gateway's meters to read...");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!gatewayIds().stream().allMatch(id -> {
            LedgerStatus status = status(id);
            return status != null && status.meters().size() == fleet.meters();
        })) {
            gateways.stream().filter(gateway -> !gateway.isAlive()).findFirst().ifPresent(dead -> {
                throw new IllegalStateException("gateway " + dead.name() + " stopped; see " + dead.log());
            });
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateways' meters did not all read within " + STARTUP.toSeconds() + " s; see "
                        + run.resolve("logs"));
            }
            try {
                Thread.sleep(200); // polling the ledgers for the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the gateways", e);
            }
        }
    }

    /** The example route file as users run it, plus (with js-ipfs) the route that keeps every document on IPFS. */
    private Path gatewayRoutes() {
        Path folder = createFolder(run.resolve("routes"));
        Path example = Path.of(System.getProperty("energyweb.home", ".")).resolve("routes/examples/fleet-gateway.camel.yaml");
        if (!Files.isRegularFile(example)) {
            throw new IllegalStateException("cannot find the gateway route " + example.toAbsolutePath()
                    + ": run the demo from the distribution or the project folder");
        }
        try {
            Files.copy(example, folder.resolve(example.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (ipfs.apiUrl() != null) {
                try (InputStream route = FleetDemo.class.getResourceAsStream("fleet-gateway-ipfs.camel.yaml")) {
                    Files.write(folder.resolve("fleet-gateway-ipfs.camel.yaml"), route.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateways' routes in " + folder, e);
        }
        return folder;
    }

    private void writeConfig(Path config, String id, boolean withMeters) {
        List<String> lines = new ArrayList<>(List.of(
                "camel.main.name = " + id,
                // each gateway its own management port (status page, health, metrics): they share the loopback address
                "camel.management.port = " + PeerProcess.freeLoopbackPort(),
                "energyweb.data = " + run.resolve(id),
                "energyweb.gateway.id = " + id,
                "energyweb.kafka.brokers = " + broker.bootstrapServers(),
                "energyweb.kafka.topic = " + TOPIC,
                "energyweb.kafka.resultsTopic = " + RESULTS,
                "energyweb.simulator.meters = " + fleet.meters(),
                "energyweb.simulator.prefix = " + id + "-m",
                "energyweb.simulator.period = " + fleet.period().toMillis(),
                "energyweb.simulator.profile = solar"));
        if (ipfs.apiUrl() != null) {
            lines.add("energyweb.ipfs.api = " + ipfs.apiUrl());
        }
        if (!withMeters) {
            // Camel Main leaves the meters' route out: the gateway only drains its outbox and records results
            lines.add("camel.main.routeFilterExcludePattern = " + METERS_ROUTE);
        }
        try {
            Files.write(config, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    /** One line: how far the readings have got. */
    public String progress() {
        long ledgered = 0;
        long anchoredThere = 0;
        for (String id : gatewayIds()) {
            LedgerStatus status = status(id);
            if (status != null) {
                ledgered += status.total().readings();
                anchoredThere += status.total().hops().getOrDefault(FleetResults.HOP, Map.of()).getOrDefault(FleetResults.ANCHORED, 0L);
            }
        }
        try {
            return String.format("%d ledgered, %d in Kafka, %d accepted, %d anchored (%d batches), %d back", ledgered, onTopic(),
                    store.acceptedCount(), anchoredReadings(), store.chainStore().count(BatchState.PUBLISHED), anchoredThere);
        } catch (RuntimeException engineGone) {
            // a stop signal reaches the engines too (Ctrl-C signals the whole process group): the demo stops without an audit
            return ledgered + " ledgered, " + anchoredThere + " proofs back";
        }
    }

    /** Stops the meters: each gateway is stopped (SIGTERM) and started again without its meters' route. */
    public void stopMeters() {
        gateways.forEach(EnergywebProcess::stop);
        gateways.clear();
        startGateways(false);
        log.accept("meters stopped; the gateways were restarted without them to drain their outboxes");
    }

    /** True once every gateway's readings are published and their proofs are back on the gateway. */
    public boolean drained() {
        for (String id : gatewayIds()) {
            LedgerStatus status = status(id);
            if (status == null) {
                return false;
            }
            Map<String, Map<String, Long>> hops = status.total().hops();
            long readings = status.total().readings();
            if (count(hops, KafkaHop.NAME, KafkaHop.PUBLISHED) != readings || count(hops, FleetResults.HOP, FleetResults.ANCHORED) != readings
                    || (ipfs.apiUrl() != null && count(hops, IpfsHop.NAME, IpfsHop.STORED) != readings)) {
                return false;
            }
        }
        return true;
    }

    /** Stops the gateways and the workers, then audits their ledgers, the database and the chain. */
    public DemoReport finish() {
        gateways.forEach(EnergywebProcess::stop);
        workers.forEach(EnergywebProcess::stop);
        List<Path> ledgers = gatewayIds().stream().map(run::resolve).toList();
        return new FleetAudit(ledgers, fleet.meters(), store, postgres.jdbcUrl(), eth, anchorContract, ipfs.apiUrl()).run();
    }

    List<String> gatewayIds() {
        return IntStream.rangeClosed(1, fleet.gateways()).mapToObj(g -> "gw-" + g).toList();
    }

    private LedgerStatus status(String id) {
        if (!Files.exists(run.resolve(id).resolve("ledger.db"))) {
            return null;
        }
        try {
            return LedgerStatus.read(run.resolve(id));
        } catch (RuntimeException notReadyYet) {
            // a gateway still creating its ledger: asked again at the next update
            return null;
        }
    }

    private static long count(Map<String, Map<String, Long>> hops, String hop, String state) {
        return hops.getOrDefault(hop, Map.of()).getOrDefault(state, 0L);
    }

    /** Records on the readings topic (its end offsets). */
    private long onTopic() {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p), p -> OffsetSpec.latest()));
        try {
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private long anchoredReadings() {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl()); Statement select = db.createStatement();
             ResultSet rs = select.executeQuery("SELECT coalesce(sum(size), 0) FROM fleet_batch WHERE state = '" + BatchState.PUBLISHED + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    @Override
    public void close() {
        gateways.forEach(EnergywebProcess::stop);
        workers.forEach(EnergywebProcess::stop);
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (store != null) {
            store.close();
        }
        for (int i = peers.size() - 1; i >= 0; i--) {
            try {
                peers.get(i).close();
            } catch (Exception e) {
                // shutting down after the demo's own result or failure, which is what gets reported
            }
        }
    }
}
