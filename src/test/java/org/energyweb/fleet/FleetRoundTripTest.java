package org.energyweb.fleet;

import org.apache.camel.CamelContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.fleet.audit.ManifestAudit;
import org.energyweb.fleet.gateway.FleetResults;
import org.energyweb.fleet.proof.ProofServer;
import org.energyweb.fleet.service.ServiceManifest;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.fleet.worker.AnchorWorker;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.FleetEngines;
import org.energyweb.proof.BatchPath;
import org.energyweb.proof.ProofJson;
import org.energyweb.proof.ProofVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway (routes/examples/fleet-gateway.camel.yaml) and an anchoring worker with a real KRaft broker,
 * PostgreSQL, anvil and js-ipfs: the gateway's readings go out, are anchored on chain by the service's key, and
 * come back as proofs the gateway records; the service serves the same proofs over HTTP; each batch's
 * manifest is on IPFS under the CID on chain, listing the readings where the gateway's proofs place them.
 */
class FleetRoundTripTest extends KameletTestSupport {

    private static final String GATEWAY = "gw-rt";

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    static Path dir;
    private static FleetEngines engines;
    private static AnvilPeer anvil;
    private static DevChain chain;
    private static AnchorWorker worker;
    private static Thread workerThread;
    private static ProofServer proofServer;

    @BeforeAll
    static void startPeersAndService() {
        engines = FleetEngines.start(dir.resolve("kafka"));
        engines.broker.createTopic("energyweb-readings", 3);
        engines.broker.createTopic("energyweb-anchors", 1);
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        try (FleetStore store = new FleetStore(engines.postgres.jdbcUrl())) {
            store.addGateway(GATEWAY);
        }
        worker = new AnchorWorker(serviceSettings());
        workerThread = new Thread(worker, "worker-rt");
        workerThread.start();
        proofServer = ProofServer.start(new InetSocketAddress("127.0.0.1", 0), engines.postgres.jdbcUrl(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The service's route set, anchoring with account 1's key from a keystore whose password is in a file. */
    private static Properties serviceSettings() {
        Path keystore = dir.resolve("service.json");
        Path password = dir.resolve("service.password");
        try {
            Files.writeString(password, "round-trip\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Keystore.write(keystore, AnvilPeer.ACCOUNT_1.getEcKeyPair(), "round-trip".toCharArray(), Keystore.Strength.LIGHT);
        Properties settings = new Properties();
        settings.setProperty("energyweb.anchor.brokers", engines.broker.bootstrapServers());
        settings.setProperty("energyweb.anchor.group", "anchors");
        settings.setProperty("energyweb.anchor.workerId", "worker-rt");
        settings.setProperty("energyweb.anchor.jdbcUrl", engines.postgres.jdbcUrl());
        settings.setProperty("energyweb.anchor.sessionTimeoutMs", "6000");
        settings.setProperty("energyweb.anchor.heartbeatIntervalMs", "1500");
        settings.setProperty("energyweb.anchor.batchSize", "8");
        settings.setProperty("energyweb.anchor.batchInterval", "PT0.3S");
        settings.setProperty("energyweb.anchor.rpcUrl", anvil.url());
        settings.setProperty("energyweb.anchor.contract", chain.contracts.anchor());
        settings.setProperty("energyweb.anchor.keystore", keystore.toString());
        settings.setProperty("energyweb.anchor.passwordFile", password.toString());
        settings.setProperty("energyweb.anchor.resendAfter", "PT10S");
        settings.setProperty("energyweb.anchor.ipfsApi", IPFS.client().config().apiUrl().toString());
        return settings;
    }

    @AfterAll
    static void stopServiceAndPeers() throws InterruptedException {
        if (proofServer != null) {
            proofServer.close();
        }
        if (worker != null) {
            worker.close();
            workerThread.join();
        }
        if (anvil != null) {
            anvil.close();
        }
        if (engines != null) {
            engines.close();
        }
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = simulatedGatewayProperties(dir.resolve("data"));
        properties.put("energyweb.gateway.id", GATEWAY);
        properties.put("energyweb.kafka.brokers", engines.broker.bootstrapServers());
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        loadProjectRoutes(context, "routes/examples/fleet-gateway.camel.yaml");
        return context;
    }

    @Test
    void everyReadingOfTheGatewayComesBackAnchoredWithAProofThatVerifiesAgainstTheChainTheServiceServesTheSameProofAndItsManifestIsOnIpfs() throws Exception {
        Path data = dir.resolve("data");
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.size() >= 20);
        context.getRouteController().stopRoute("fleet-gateway-meters");
        long size = ledger.size();
        await().atMost(Duration.ofSeconds(120)).until(() -> ledger.hops().countByState(FleetResults.HOP)
                .getOrDefault(FleetResults.ANCHORED, 0L) == size);

        ProofVerifier verifier = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(chain.eth));
        HttpClient http = HttpClient.newHttpClient();
        // each batch's readings in leaf order as the gateway's own proofs place them, not as the service's database does
        Map<String, List<ServiceManifest.Leaf>> readingsByRoot = new HashMap<>();
        for (long position = 1; position <= size; position++) {
            LedgerEntry entry = ledger.at(position).orElseThrow();
            String proof = ProofJson.write(FleetResults.proof(data, entry.meter(), entry.seq()));
            assertThat(verifier.verify(ProofJson.read(proof.getBytes())).valid()).as("proof of " + entry).isTrue();
            BatchPath batch = ProofJson.read(proof.getBytes()).batch();
            readingsByRoot.computeIfAbsent("0x" + HexFormat.of().formatHex(batch.root()),
                    root -> Arrays.asList(new ServiceManifest.Leaf[(int) batch.size()]))
                    .set((int) batch.index(), new ServiceManifest.Leaf(GATEWAY, entry.meter(), entry.seq(), entry.document().sha256Hex()));
            HttpResponse<String> served = http.send(proofRequest(entry.document().sha256Hex()), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(proof);
            assertThat(served.headers().firstValue(ProofServer.MANIFEST_HEADER)).as("manifest of " + entry)
                    .contains(manifestAnchoredBy(ProofJson.read(proof.getBytes()).batch().anchor().tx()));
        }
        assertThat(http.send(proofRequest("ab".repeat(32)), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        ManifestAudit.Report manifests = new ManifestAudit(chain.eth, chain.contracts.anchor(), IPFS.client()).run(readingsByRoot);
        assertThat(manifests.problems()).isEmpty();
        assertThat(manifests.manifests()).isEqualTo(readingsByRoot.size());
    }

    /** The manifest CID that the anchor transaction put on chain with the batch's root. */
    private static String manifestAnchoredBy(String transaction) {
        return chain.eth.logs(chain.contracts.anchor(), List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0, chain.eth.blockNumber())
                .stream().filter(log -> log.transactionHash().equalsIgnoreCase(transaction))
                .map(log -> (String) ReadingAnchorContract.LOG_BATCH_ANCHORED.decode(log).get("manifestCid")).findFirst().orElseThrow();
    }

    private static HttpRequest proofRequest(String sha256) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proofServer.port() + "/proof/" + sha256)).build();
    }
}
