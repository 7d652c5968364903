package org.energyweb.fleet.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.fleet.proof.ProofServer;
import org.energyweb.fleet.proof.ServiceProofs;
import org.energyweb.fleet.service.InboundReading;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.BatchState;
import org.energyweb.fleet.store.FencedException;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.fleet.store.PartitionClaim;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.PostgresServer;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.reading.JsonSchemas;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's batches anchored through the transaction pipeline on a real anvil chain, their
 * transactions journaled in a real PostgreSQL, their manifests on a real js-ipfs node: anchored once
 * each with the manifest's CID, across a stuck transaction, a worker's death and a fence.
 */
class ChainAnchoringTest {

    /** The service's own key: anvil's second account, not the deployer's. */
    private static final Credentials SERVICE = AnvilPeer.ACCOUNT_1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema MANIFEST_SCHEMA = JsonSchemas.load("fleet-manifest-v1.schema.json");

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    private static AnvilPeer anvil;
    private static DevChain chain;
    private static PostgresServer postgres;
    private final List<ChainAnchoring> started = new ArrayList<>();

    @BeforeAll
    static void startPeers() {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        postgres = PostgresServer.create();
    }

    @AfterAll
    static void stopPeers() {
        if (postgres != null) {
            postgres.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @AfterEach
    void stopAnchoring() {
        started.forEach(ChainAnchoring::close);
        automine(true);
    }

    @Test
    void everyFormedBatchIsAnchoredOnceWithItsManifestsCidAndEachReadingsProofVerifiesAgainstTheChain() throws Exception {
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            long events = anchorEvents().size();
            long sent = chain.eth.transactionCount(SERVICE.getAddress(), "latest");
            PartitionClaim claim = store.claim("anchored", 0, "worker-a");
            List<ReadingDocument> readings = accept(store, claim, "m-anchored", 7);
            formAll(store, claim, 3);
            BatchChainStore batches = store.chainStore();
            ChainAnchoring anchoring = anchoring(Duration.ofSeconds(30));
            anchoring.own(claim);

            anchorAll(anchoring, batches, claim, 3);

            List<Log> logs = anchorEvents();
            assertThat(logs).hasSize((int) events + 3);
            assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "latest")).isEqualTo(sent + 3);
            List<String> readingsInManifests = new ArrayList<>();
            for (BatchChainStore.Anchored batch : batches.anchored(List.of(claim))) {
                Map<String, Object> event = ReadingAnchorContract.LOG_BATCH_ANCHORED.decode(logs.stream()
                        .filter(log -> log.transactionHash().equalsIgnoreCase(batch.transactionHash())).findFirst().orElseThrow());
                assertThat(event.get("manifestCid")).isEqualTo(batch.manifestCid());
                JsonNode manifest = JSON.readTree(IPFS.client().cat(Cid.parse(batch.manifestCid())));
                assertThat(MANIFEST_SCHEMA.validate(manifest)).isEmpty();
                assertThat(manifest.path("size").asInt()).isEqualTo(batch.size());
                manifest.path("leaves").forEach(leaf -> readingsInManifests.add(leaf.path("gateway").asText() + "/"
                        + leaf.path("meter").asText() + "/" + leaf.path("seq").asLong() + "/" + leaf.path("sha256").asText()));
            }
            assertThat(readingsInManifests).containsExactlyElementsOf(readings.stream()
                    .map(r -> "gw-1/m-anchored/" + r.reading().seq() + "/" + r.sha256Hex()).toList());
            ProofVerifier verifier = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(chain.eth));
            ServiceProofs proofs = new ServiceProofs(batches);
            for (ReadingDocument reading : readings) {
                assertThat(verifier.verify(proofs.prove(reading.sha256Hex()).orElseThrow()).valid()).isTrue();
            }
        }
    }

    @Test
    void theGasOfTheWorkersAnchorTransactionsIsScrapedAsTheGatewaysCounter() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FleetStore store = new FleetStore(postgres.jdbcUrl());
             ProofServer server = ProofServer.start(new InetSocketAddress("127.0.0.1", 0), postgres.jdbcUrl(), metrics)) {
            PartitionClaim claim = store.claim("gas", 0, "worker-a");
            accept(store, claim, "m-gas", 5);
            formAll(store, claim, 2);
            ChainAnchoring anchoring = anchoring(Duration.ofSeconds(30), metrics);
            anchoring.own(claim);

            anchorAll(anchoring, store.chainStore(), claim, 3);

            BigInteger receipts = store.chainStore().anchored(List.of(claim)).stream()
                    .map(batch -> chain.eth.receipt(batch.transactionHash()).orElseThrow().gasUsed()).reduce(BigInteger.ZERO, BigInteger::add);
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + ProofServer.METRICS_PATH)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(scrape.body().lines().filter(line -> line.startsWith("energyweb_chain_gas_used_total "))
                    .map(line -> new BigDecimal(line.substring(line.indexOf(' ') + 1)).toBigIntegerExact()))
                    .containsExactly(receipts);
        }
    }

    @Test
    void aTransactionLeftUnminedIsReplacedWithHigherFeesAndTheBatchIsAnchoredOnce() throws Exception {
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            long events = anchorEvents().size();
            long sent = chain.eth.transactionCount(SERVICE.getAddress(), "latest");
            PartitionClaim claim = store.claim("stuck", 0, "worker-a");
            accept(store, claim, "m-stuck", 2);
            formAll(store, claim, 2);
            long batchId = store.chainStore().unanchored(List.of(claim)).get(0).id();
            automine(false);
            ChainAnchoring anchoring = anchoring(Duration.ofSeconds(3));
            anchoring.own(claim);
            anchoring.submit(store.chainStore().unanchored(List.of(claim)), store.chainStore());

            // nothing is mined: after resendAfter the pipeline replaces the transaction with higher fees;
            // the node drops a replaced transaction from its pool, so the first is looked at while it is there
            await().atMost(Duration.ofSeconds(60)).until(() -> hashes(batchId).size() >= 1);
            JsonNode first = pooled(hashes(batchId).get(0));
            await().atMost(Duration.ofSeconds(60)).until(() -> hashes(batchId).size() >= 2);
            JsonNode replacement = pooled(hashes(batchId).get(1));
            assertThat(replacement.path("nonce").asText()).isEqualTo(first.path("nonce").asText());
            assertThat(Eth.quantity(replacement.path("maxFeePerGas"))).isGreaterThan(Eth.quantity(first.path("maxFeePerGas")));
            automine(true);
            chain.eth.rpc().callAndWait("anvil_mine", "0x1");

            anchorAll(anchoring, store.chainStore(), claim, 1);
            BatchChainStore.Anchored anchored = store.chainStore().anchored(List.of(claim)).get(0);
            assertThat(hashes(batchId)).contains(anchored.transactionHash());
            assertThat(anchorEvents()).hasSize((int) events + 1);
            assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "latest")).isEqualTo(sent + 1);
        }
    }

    @Test
    void aTransactionInFlightWhenItsWorkerDiedIsCarriedOnByTheNextOwnerWithTheSameNonceAndBytes() throws Exception {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl())) {
            PartitionClaim first = a.claim("crashed", 0, "worker-a");
            accept(a, first, "m-crashed", 4);
            formAll(a, first, 4);
            long batchId = a.chainStore().unanchored(List.of(first)).get(0).id();
            long before = chain.eth.transactionCount(SERVICE.getAddress(), "latest");
            automine(false);
            ChainAnchoring dying = anchoring(Duration.ofSeconds(30));
            dying.own(first);
            dying.submit(a.chainStore().unanchored(List.of(first)), a.chainStore());
            await().atMost(Duration.ofSeconds(60)).until(() -> hashes(batchId).size() == 1);
            String signed = hashes(batchId).get(0);
            // worker a dies, and its transaction never reached a block: the node lost it
            dying.close();
            chain.eth.rpc().callAndWait("anvil_dropTransaction", signed);
            automine(true);

            PartitionClaim second = b.claim("crashed", 0, "worker-b");
            ChainAnchoring next = anchoring(Duration.ofSeconds(30));
            next.own(second);
            anchorAll(next, b.chainStore(), second, 1);

            assertThat(b.chainStore().anchored(List.of(second)).get(0).transactionHash()).isEqualTo(signed);
            assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "latest")).isEqualTo(before + 1);
        }
    }

    @Test
    void twoWorkersSharingTheServicesKeyNeverTakeTheSameNonce() throws Exception {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl())) {
            long events = anchorEvents().size();
            long sent = chain.eth.transactionCount(SERVICE.getAddress(), "latest");
            PartitionClaim first = a.claim("shared", 0, "worker-a");
            PartitionClaim second = b.claim("shared", 1, "worker-b");
            accept(a, first, "m-shared-0", 6);
            accept(b, second, "m-shared-1", 6);
            formAll(a, first, 2);
            formAll(b, second, 2);
            // both start from the same next nonce: the second to record one is refused and moves past it
            ChainAnchoring one = anchoring(Duration.ofSeconds(30));
            ChainAnchoring two = anchoring(Duration.ofSeconds(30));
            one.own(first);
            two.own(second);

            one.submit(a.chainStore().unanchored(List.of(first)), a.chainStore());
            two.submit(b.chainStore().unanchored(List.of(second)), b.chainStore());
            anchorAll(one, a.chainStore(), first, 3);
            anchorAll(two, b.chainStore(), second, 3);

            assertThat(anchorEvents()).hasSize((int) events + 6);
            assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "latest")).isEqualTo(sent + 6);
            assertThat(nextNonce()).isEqualTo(sent + 6);
        }
    }

    @Test
    void aWorkerWhosePartitionWasClaimedAfterItsTransactionWentOutDoesNotBroadcastItAgain() throws Exception {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl())) {
            PartitionClaim stale = a.claim("taken-over", 0, "worker-a");
            ChainAnchoring anchoring = broadcastUnmined(a, stale, "m-taken-over", Duration.ofSeconds(3));
            long batchId = a.chainStore().unanchored(List.of(stale)).get(0).id();
            String broadcast = hashes(batchId).get(0);

            b.claim("taken-over", 0, "worker-b");

            // when its replacement is due, the worker finds the batch taken over and drops it: its submission ends
            await().atMost(Duration.ofSeconds(60)).until(anchoring::takeDue);
            assertThat(hashes(batchId)).containsExactly(broadcast);
            assertThat(pooled(broadcast).path("hash").asText()).isEqualTo(broadcast);
            chain.eth.rpc().callAndWait("anvil_mine", "0x1");
        }
    }

    @Test
    void aRefusalUnderAClaimTheWorkerReplacedWithItsOwnNewerOneLeavesItThePartitionAndTheBatchIsAnchoredUnderTheNewClaim()
            throws Exception {
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            long events = anchorEvents().size();
            PartitionClaim before = store.claim("given-back", 0, "worker-a");
            ChainAnchoring anchoring = broadcastUnmined(store, before, "m-given-back", Duration.ofSeconds(30));
            long batchId = store.chainStore().unanchored(List.of(before)).get(0).id();
            String signed = hashes(batchId).get(0);

            // a rebalance gives the partition back to the same worker while the transaction is in flight, and the
            // transaction is mined before the worker holds its new claim: recording it under the old one is refused
            PartitionClaim after = store.claim("given-back", 0, "worker-a");
            chain.eth.rpc().callAndWait("anvil_mine", "0x1");
            await().atMost(Duration.ofSeconds(60)).until(anchoring::takeDue);
            assertThat(chain.eth.receipt(signed)).isPresent();
            assertThat(stateAndTransaction(batchId)).startsWith(BatchState.SIGNED + " ");
            anchoring.own(after);

            assertThat(anchoring.fenced()).isEmpty();
            anchorAll(anchoring, store.chainStore(), after, 1);
            assertThat(store.chainStore().anchored(List.of(after)).get(0).transactionHash()).isEqualTo(signed);
            assertThat(anchorEvents()).hasSize((int) events + 1);
        }
    }

    @Test
    void aWorkerWhosePartitionWasClaimedByAnotherRecordsAndSendsNothing() throws Exception {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl())) {
            PartitionClaim stale = a.claim("fenced-chain", 0, "worker-a");
            accept(a, stale, "m-fenced", 2);
            formAll(a, stale, 2);
            b.claim("fenced-chain", 0, "worker-b");
            long batchId = a.chainStore().unanchored(List.of(stale)).get(0).id();
            long pending = chain.eth.transactionCount(SERVICE.getAddress(), "pending");
            long nextNonce = nextNonce();
            ChainAnchoring anchoring = anchoring(Duration.ofSeconds(30));
            anchoring.own(stale);

            anchoring.submit(a.chainStore().unanchored(List.of(stale)), a.chainStore());

            List<FencedException> fenced = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> fenced.addAll(anchoring.fenced()));
            assertThat(fenced.get(0).partition()).isZero();
            assertThat(chain.eth.transactionCount(SERVICE.getAddress(), "pending")).isEqualTo(pending);
            assertThat(stateAndTransaction(batchId)).isEqualTo(BatchState.FORMED + " null");
            assertThat(nextNonce()).isEqualTo(nextNonce);
        }
    }

    @Test
    void batchesTheChainLostAreRewoundOnlyByTheWorkerOwningTheirPartitionAndAnchoredAgain() throws Exception {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl());
             FleetStore c = new FleetStore(postgres.jdbcUrl())) {
            PartitionClaim first = a.claim("lost", 0, "worker-a");
            PartitionClaim second = b.claim("lost", 1, "worker-b");
            accept(a, first, "m-lost-0", 2);
            accept(b, second, "m-lost-1", 2);
            formAll(a, first, 2);
            formAll(b, second, 2);
            long lostBatch = a.chainStore().unanchored(List.of(first)).get(0).id();
            long othersBatch = b.chainStore().unanchored(List.of(second)).get(0).id();
            String beforeAnchoring = chain.eth.rpc().callAndWait("evm_snapshot").asText();
            ChainAnchoring one = anchoring(Duration.ofSeconds(30));
            ChainAnchoring two = anchoring(Duration.ofSeconds(30));
            one.own(first);
            two.own(second);
            anchorAll(one, a.chainStore(), first, 1);
            anchorAll(two, b.chainStore(), second, 1);
            String othersTransaction = b.chainStore().anchored(List.of(second)).get(0).transactionHash();
            // the chain loses both transactions, as a dev chain restarted without its state would
            chain.eth.rpc().callAndWait("evm_revert", beforeAnchoring);
            assertThat(chain.eth.receipt(othersTransaction)).isEmpty();

            // worker c starts while b still owns partition 1 under its epoch, and takes partition 0 over
            ChainAnchoring three = anchoring(Duration.ofSeconds(30));
            assertThat(stateAndTransaction(othersBatch)).isEqualTo(BatchState.ANCHORED + " " + ChainHop.CONFIRMED);
            PartitionClaim taken = c.claim("lost", 0, "worker-c");
            three.own(taken);
            anchoredOnChain(three, c.chainStore(), taken);

            assertThat(stateAndTransaction(othersBatch)).isEqualTo(BatchState.ANCHORED + " " + ChainHop.CONFIRMED);
            assertThat(b.chainStore().anchored(List.of(second)).get(0).transactionHash()).isEqualTo(othersTransaction);
            // worker b, restarted (its pipeline's nonces predate the loss), finds its batch lost when it claims its partition again
            two.close();
            ChainAnchoring restarted = anchoring(Duration.ofSeconds(30));
            PartitionClaim again = b.claim("lost", 1, "worker-b");
            restarted.own(again);
            anchoredOnChain(restarted, b.chainStore(), again);
            assertThat(rootsOnChain()).containsOnlyOnce(hex(a.chainStore().anchored(List.of(taken)).get(0).root()),
                    hex(b.chainStore().anchored(List.of(again)).get(0).root()));
            assertThat(List.of(lostBatch, othersBatch)).allSatisfy(id -> assertThat(stateAndTransaction(id))
                    .isEqualTo(BatchState.ANCHORED + " " + ChainHop.CONFIRMED));
        }
    }

    private ChainAnchoring anchoring(Duration resendAfter) {
        // A composite of no registries keeps no values.
        return anchoring(resendAfter, new CompositeMeterRegistry());
    }

    private ChainAnchoring anchoring(Duration resendAfter, MeterRegistry metrics) {
        ChainAnchoring anchoring = ChainAnchoring.start(chain.eth, SERVICE, postgres.jdbcUrl(),
                new ChainAnchoring.Options(chain.contracts.anchor(), resendAfter), IPFS.client(), metrics);
        started.add(anchoring);
        return anchoring;
    }

    /**
     * Forms one batch of two readings on the claimed partition and has a new worker broadcast its
     * transaction with automining off: it stays unmined, and nothing changed since.
     */
    private ChainAnchoring broadcastUnmined(FleetStore store, PartitionClaim claim, String meter, Duration resendAfter) {
        accept(store, claim, meter, 2);
        formAll(store, claim, 2);
        long batchId = store.chainStore().unanchored(List.of(claim)).get(0).id();
        automine(false);
        ChainAnchoring anchoring = anchoring(resendAfter);
        anchoring.own(claim);
        anchoring.submit(store.chainStore().unanchored(List.of(claim)), store.chainStore());
        await().atMost(Duration.ofSeconds(60)).until(() -> hashes(batchId).size() == 1);
        anchoring.takeDue();
        return anchoring;
    }

    /** Submits the partition's open batches whenever something changed, until {@code count} are anchored. */
    private static void anchorAll(ChainAnchoring anchoring, BatchChainStore batches, PartitionClaim claim, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (anchoring.takeDue()) {
                anchoring.submit(batches.unanchored(List.of(claim)), batches);
            }
            return batches.anchored(List.of(claim)).size() == count;
        });
    }

    /** Submits the partition's open batches whenever something changed, until its one anchored batch's transaction is on chain. */
    private static void anchoredOnChain(ChainAnchoring anchoring, BatchChainStore batches, PartitionClaim claim) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (anchoring.takeDue()) {
                anchoring.submit(batches.unanchored(List.of(claim)), batches);
            }
            List<BatchChainStore.Anchored> anchored = batches.anchored(List.of(claim));
            return anchored.size() == 1 && chain.eth.receipt(anchored.get(0).transactionHash()).isPresent();
        });
    }

    private static List<String> rootsOnChain() {
        // the root is the event's second indexed parameter
        return anchorEvents().stream().map(log -> log.topics().get(2).toLowerCase(Locale.ROOT)).toList();
    }

    private static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private static void automine(boolean on) {
        chain.eth.rpc().callAndWait("evm_setAutomine", on);
    }

    private static JsonNode pooled(String hash) {
        return chain.eth.rpc().callAndWait("eth_getTransactionByHash", hash);
    }

    /** Every transaction hash the journal recorded for the batch, in the order they were signed. */
    private static List<String> hashes(long batchId) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl());
             PreparedStatement select = db.prepareStatement("SELECT tx_detail FROM fleet_batch WHERE id = ?")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                List<String> hashes = new ArrayList<>();
                if (rs.getString(1) != null) {
                    JSON.readTree(rs.getString(1)).path("tx").forEach(hash -> hashes.add(hash.asText()));
                }
                return hashes;
            }
        }
    }

    private static String stateAndTransaction(long batchId) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl());
             PreparedStatement select = db.prepareStatement("SELECT state, tx_state FROM fleet_batch WHERE id = ?")) {
            select.setLong(1, batchId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1) + " " + rs.getString(2);
            }
        }
    }

    private static long nextNonce() throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl());
             ResultSet rs = db.createStatement().executeQuery("SELECT coalesce(max(next_nonce), -1) FROM fleet_nonce")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Accepts a meter's chain of {@code count} readings on the claimed partition, at offsets 0.. in order. */
    private static List<ReadingDocument> accept(FleetStore store, PartitionClaim claim, String meter, int count) {
        store.addGateway("gw-1");
        List<ReadingDocument> readings = TestReadings.chain(meter, count);
        List<FleetStore.Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            ReadingDocument document = readings.get(i);
            accepted.add(new FleetStore.Accepted(new InboundReading(claim.topic(), claim.partition(), i, meter, "gw-1", meter,
                    String.valueOf(i), document.sha256Hex(), document.bytes()), document));
        }
        store.commit(claim, accepted, List.of(), List.of(), count);
        return readings;
    }

    private static void formAll(FleetStore store, PartitionClaim claim, int batchSize) {
        while (store.formBatch(claim, batchSize).isPresent()) {
            // one batch per call
        }
    }

    private static List<Log> anchorEvents() {
        return chain.eth.logs(chain.contracts.anchor(), List.of(ReadingAnchorContract.LOG_BATCH_ANCHORED.topic()), 0,
                chain.eth.blockNumber());
    }
}
