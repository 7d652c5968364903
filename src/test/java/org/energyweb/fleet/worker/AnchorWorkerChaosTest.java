package org.energyweb.fleet.worker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Log;
import org.energyweb.fleet.audit.ManifestAudit;
import org.energyweb.fleet.proof.ServiceProofs;
import org.energyweb.fleet.service.ServiceManifest;
import org.energyweb.fleet.store.BatchState;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.proof.ProofVerifier;
import org.web3j.crypto.Credentials;
import org.energyweb.peers.FleetEngines;
import org.energyweb.peers.PeerProcess;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anchoring workers as separate processes ({@code energyweb anchor-service}, anchoring on a real anvil
 * with the service's key) under fire while a gateway publishes: one SIGKILLed; one SIGSTOPped while it owns
 * partitions, kept stopped until each is claimed by another worker under a higher epoch and the readings
 * published meanwhile are stored there, then SIGCONTed, when the database refuses its write under its stale
 * epoch; the broker stopped for 10 s. Then an independent audit of the database
 * and the chain: every reading accepted exactly once, each meter's chain complete and in order, every
 * reading in exactly one Merkle batch, every batch anchored by exactly one transaction of the service
 * (no other transaction sent), its root once on chain, its manifest on a real js-ipfs under the CID on chain
 * listing the batch's readings in leaf order, its proofs verifying against the chain, no dead letter.
 */
@Tag("chaos")
class AnchorWorkerChaosTest {

    private static final String TOPIC = "readings";
    private static final String RESULTS = "anchors";
    /** The service's own key: anvil's second account, not the deployer's. */
    private static final Credentials SERVICE = AnvilPeer.ACCOUNT_1;
    private static final int METERS = 12;
    private static final int READINGS = 300;

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    Path dir;
    private FleetEngines engines;
    private AnvilPeer anvil;
    private DevChain chain;
    private Path keystore;
    private Path passwordFile;
    private final List<Process> workers = new ArrayList<>();
    private final Map<String, Path> logs = new HashMap<>();
    private final CountDownLatch secondHalf = new CountDownLatch(1);

    @AfterEach
    void stopEverything() {
        workers.forEach(Process::destroyForcibly);
        if (anvil != null) {
            anvil.close();
        }
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void everyReadingIsAnchoredExactlyOnceInItsMetersOrderThroughAKillAPausePastTheSessionTimeoutAndABrokerOutage()
            throws Exception {
        engines = FleetEngines.start(dir.resolve("kafka"));
        engines.broker.createTopic(TOPIC, 4);
        engines.broker.createTopic(RESULTS, 1);
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        passwordFile = Files.writeString(dir.resolve("password"), "service-test-password");
        keystore = dir.resolve("service.json");
        Keystore.write(keystore, SERVICE.getEcKeyPair(), "service-test-password".toCharArray(), Keystore.Strength.LIGHT);
        try (FleetStore store = new FleetStore(engines.postgres.jdbcUrl())) {
            store.addGateway("gw-1");
            Process a = startWorker("a");
            Process b = startWorker("b");
            CompletableFuture<Void> gateway = CompletableFuture.runAsync(this::publish);

            await().atMost(Duration.ofSeconds(120)).until(() -> store.acceptedCount() >= 600);
            PeerProcess.signal(a, "KILL");
            a.waitFor();
            startWorker("c");

            await().atMost(Duration.ofSeconds(120)).until(() -> store.acceptedCount() >= 1500);
            Map<Integer, Claim> paused = pauseOwning("b", b);
            // readings of b's partitions arrive while it is paused: only their next owners can store them
            secondHalf.countDown();
            await().atMost(Duration.ofSeconds(120)).until(() -> claimedAgain(paused));
            await().atMost(Duration.ofSeconds(120)).until(() -> readOnSince(paused));
            long logged = Files.size(logs.get("b"));
            PeerProcess.signal(b, "CONT");
            // b resumes under its stale claims: the database refuses its first write under one
            await().atMost(Duration.ofSeconds(120)).until(() -> refusedStale(logs.get("b"), logged, paused));

            await().atMost(Duration.ofSeconds(120)).until(() -> store.acceptedCount() >= 2500);
            engines.broker.stop();
            Thread.sleep(10_000); // the outage itself: the gateway and the workers must ride it out
            engines.broker.start();

            gateway.get();
            long total = (long) METERS * READINGS;
            await().atMost(Duration.ofSeconds(180)).until(() -> store.acceptedCount() == total && store.unbatchedCount() == 0);
            await().atMost(Duration.ofSeconds(180)).until(() -> openBatches() == 0);

            for (int m = 0; m < METERS; m++) {
                assertThat(store.acceptedSeqs("meter-" + m)).as("meter-" + m)
                        .isEqualTo(LongStream.range(0, READINGS).boxed().toList());
            }
            assertThat(store.acceptedCount()).isEqualTo(total);
            assertThat(store.deadLetters()).isEmpty();
            auditChain(store, total);
        }
    }

    /**
     * Every batch published after one transaction of the service's key; its root once on chain with its manifest's CID, the manifest
     * on IPFS under that CID listing the batch's readings in leaf order; a proof of each verifying there.
     */
    private void auditChain(FleetStore store, long total) throws Exception {
        Map<String, String> manifests = new HashMap<>();
        Map<String, List<ServiceManifest.Leaf>> readingsByRoot = new HashMap<>();
        long readings = 0;
        try (Connection db = DriverManager.getConnection(engines.postgres.jdbcUrl());
             ResultSet rs = db.createStatement().executeQuery("SELECT id, root, size, state, manifest_cid FROM fleet_batch")) {
            while (rs.next()) {
                assertThat(rs.getString(4)).as("batch " + rs.getLong(1)).isEqualTo(BatchState.PUBLISHED);
                String root = "0x" + HexFormat.of().formatHex(rs.getBytes(2));
                manifests.put(root, rs.getString(5));
                readingsByRoot.put(root, ManifestAudit.readings(store.chainStore().leaves(rs.getLong(1))));
                readings += rs.getLong(3);
            }
        }
        assertThat(readings).isEqualTo(total);
        List<Log> anchored = chain.eth.logs(chain.contracts.anchor(), List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0,
                chain.eth.blockNumber());
        // each root once on chain, with its batch's manifest CID
        Map<String, String> onChain = new HashMap<>();
        for (Log log : anchored) {
            Map<String, Object> event = ReadingAnchorContract.LOG_BATCH_ANCHORED.decode(log);
            assertThat(onChain.put(((String) event.get("root")).toLowerCase(), (String) event.get("manifestCid"))).isNull();
        }
        assertThat(onChain).isEqualTo(manifests);
        assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "latest")).isEqualTo(manifests.size());
        ManifestAudit.Report onIpfs = new ManifestAudit(chain.eth, chain.contracts.anchor(), IPFS.client()).run(readingsByRoot);
        assertThat(onIpfs.problems()).isEmpty();
        assertThat(onIpfs.manifests()).isEqualTo(manifests.size());

        ProofVerifier verifier = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(chain.eth));
        ServiceProofs proofs = new ServiceProofs(store.chainStore());
        try (Connection db = DriverManager.getConnection(engines.postgres.jdbcUrl());
             ResultSet rs = db.createStatement().executeQuery("SELECT r.sha256 FROM fleet_batch b JOIN fleet_reading r "
                     + "ON r.topic = b.topic AND r.partition = b.partition AND r.log_index = b.first_index")) {
            while (rs.next()) {
                assertThat(verifier.verify(proofs.prove(rs.getString(1)).orElseThrow()).valid()).isTrue();
            }
        }
    }

    /**
     * SIGSTOPs {@code worker} at a moment it owns a partition carrying readings in the database (the meters' keys
     * leave some partition empty); the claims it holds, read while it cannot change them. A rebalance may take
     * that partition between the check and the signal: the worker is then let go on and paused again.
     */
    private Map<Integer, Claim> pauseOwning(String id, Process worker) throws Exception {
        while (true) {
            await().atMost(Duration.ofSeconds(120)).until(() -> claims().values().stream().anyMatch(claim -> claim.carries(id)));
            PeerProcess.signal(worker, "STOP");
            Map<Integer, Claim> owned = new TreeMap<>(claims());
            owned.values().removeIf(claim -> !claim.owner().equals(id));
            if (owned.values().stream().anyMatch(claim -> claim.carries(id))) {
                return owned;
            }
            PeerProcess.signal(worker, "CONT");
        }
    }

    /** Each of {@code paused} claimed by another worker since, under a higher epoch (which fences the paused one). */
    private boolean claimedAgain(Map<Integer, Claim> paused) throws Exception {
        Map<Integer, Claim> now = claims();
        return paused.entrySet().stream().allMatch(p -> !now.get(p.getKey()).owner().equals(p.getValue().owner())
                && now.get(p.getKey()).epoch() > p.getValue().epoch());
    }

    /** Each of {@code paused} carrying readings read on by its new owner: its stored offset past where the paused worker left it. */
    private boolean readOnSince(Map<Integer, Claim> paused) throws Exception {
        Map<Integer, Claim> now = claims();
        return paused.entrySet().stream().filter(p -> p.getValue().nextOffset() > 0)
                .allMatch(p -> now.get(p.getKey()).nextOffset() > p.getValue().nextOffset());
    }

    /** The worker's log, past {@code from}, shows a write under one of {@code stale} refused, for that claim's own epoch. */
    private static boolean refusedStale(Path log, long from, Map<Integer, Claim> stale) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        String since = new String(bytes, (int) from, bytes.length - (int) from, StandardCharsets.UTF_8);
        Matcher refusal = Pattern.compile("partition " + TOPIC + "-(\\d+) was claimed again \\(epoch \\d+\\); this worker's epoch (\\d+) is stale, "
                + "its write was refused").matcher(since);
        while (refusal.find()) {
            Claim claim = stale.get(Integer.parseInt(refusal.group(1)));
            if (claim != null && claim.epoch() == Long.parseLong(refusal.group(2))) {
                return true;
            }
        }
        return false;
    }

    private record Claim(String owner, long epoch, long nextOffset) {

        boolean carries(String worker) {
            return owner.equals(worker) && nextOffset > 0;
        }
    }

    /** Each partition's claim as the database has it. */
    private Map<Integer, Claim> claims() throws Exception {
        Map<Integer, Claim> claims = new HashMap<>();
        try (Connection db = DriverManager.getConnection(engines.postgres.jdbcUrl());
             ResultSet rs = db.createStatement().executeQuery("SELECT partition, owner, epoch, next_offset FROM fleet_partition WHERE topic = '" + TOPIC + "'")) {
            while (rs.next()) {
                claims.put(rs.getInt(1), new Claim(rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return claims;
    }

    /** Batches not yet anchored and published. */
    private long openBatches() throws Exception {
        try (Connection db = DriverManager.getConnection(engines.postgres.jdbcUrl());
             ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM fleet_batch WHERE state <> '" + BatchState.PUBLISHED + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * One gateway's meters, one round of readings at a time, spread over the chaos above; the second half of the
     * rounds once a worker is paused, so that work of its partitions is left for the others.
     */
    private void publish() {
        List<List<ReadingDocument>> chains = new ArrayList<>();
        for (int m = 0; m < METERS; m++) {
            chains.add(TestReadings.chain("meter-" + m, READINGS));
        }
        try (KafkaProducer<String, byte[]> producer = TestReadings.producer(engines.broker.bootstrapServers())) {
            for (int seq = 0; seq < READINGS; seq++) {
                if (seq == READINGS / 2 && !secondHalf.await(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("no worker was paused");
                }
                for (List<ReadingDocument> chain : chains) {
                    ReadingDocument document = chain.get(seq);
                    producer.send(TestReadings.record(TOPIC, "gw-1", document, document.sha256Hex()));
                }
                producer.flush();
                Thread.sleep(40); // a gateway's pace, not a wait for a condition
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process startWorker(String id) throws IOException {
        // in target/peers, not the test's folder, so a failure can be read afterwards
        Path log = Files.createDirectories(Path.of("target", "peers")).resolve("anchor-worker-" + id + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.energyweb.cli.EnergywebCommand", "anchor-service",
                "--brokers", engines.broker.bootstrapServers(), "--topic", TOPIC, "--group", "anchors", "--worker-id", id,
                "--jdbc-url", engines.postgres.jdbcUrl(), "--batch-size", "500", "--batch-interval", "PT1S",
                "--session-timeout", "PT3S", "--rpc", anvil.url(), "--contract", chain.contracts.anchor(),
                "--keystore", keystore.toString(), "--password-file", passwordFile.toString(), "--resend-after", "PT3S",
                "--results-topic", RESULTS, "--ipfs-api", IPFS.apiUrl())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(process);
        logs.put(id, log);
        return process;
    }
}
