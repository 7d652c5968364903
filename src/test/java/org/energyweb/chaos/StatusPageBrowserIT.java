package org.energyweb.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.Batches;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page of a running gateway in Debian's headless Chromium, driven by playwright-core
 * ({@code src/test/peers/status-page.cjs}): live plots with the ledger's readings, and the lookup of
 * a reading showing its transaction (Origin mode) or offering its proof, which verify-proof accepts
 * against the chain (Merkle mode). Screenshots go to {@code target/}.
 */
@Tag("chaos")
class StatusPageBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PEERS = Path.of(System.getProperty("energyweb.peers.dir", "src/test/peers")).toAbsolutePath();
    private static final Path MERKLE_ROUTE = GatewayProcess.PROJECT.resolve("routes/examples/merkle-gateway.camel.yaml");

    @TempDir
    Path root;

    @Test
    void thePagePlotsTheLedgersReadingsAndTheLookupShowsAReadingsTransaction() throws Exception {
        try (ChaosRig rig = ChaosRig.start(root, 2, Duration.ofMillis(200))) {
            GatewayProcess gateway = rig.startGateway();
            JsonNode page;
            long before;
            long after;
            try {
                String url = gateway.managementUrl(Duration.ofSeconds(60));
                gateway.awaitReady(() -> rig.confirmed() >= 5, Duration.ofSeconds(90));
                before = rig.readings();
                page = browse(url, "sim-1", 0, GatewayProcess.PROJECT.resolve("target/status-page-origin.png"), null);
                after = rig.readings();
            } finally {
                gateway.stop();
            }
            assertThat(page.path("outside").size()).as("everything the page loads comes from the gateway").isZero();
            assertThat(page.path("shown").path("plotted").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(page.path("shown").path("readings").asLong()).as("the ledger's count while the page looked").isBetween(before, after);
            HopState chain = hopState(rig.data, "sim-1", 0, "chain");
            String minedTx = JSON.readTree(chain.detail()).path("minedTx").asText();
            assertThat(minedTx).startsWith("0x");
            assertThat(page.path("lookup").path("tx").asText()).contains(minedTx).contains("confirmed");
            assertThat(page.path("lookup").path("anchored").asText()).isEqualTo("yes");
            assertThat(page.path("lookup").path("cid").asText()).startsWith("bafkrei");
        }
    }

    @Test
    void inMerkleModeTheLookupOffersAProofThatVerifyProofAcceptsAgainstTheChain() throws Exception {
        Path data = root.resolve("data");
        Path log = root.resolve("gateway.log");
        try (AnvilPeer anvil = AnvilPeer.automine()) {
            var eth = ChaosRig.eth(anvil);
            String contract = ChaosRig.admin(eth).deploy().anchor();
            ChaosRig.GatewayKey key = ChaosRig.GatewayKey.create(root, eth);
            Properties settings = new Properties();
            settings.setProperty("energyweb.data", data.toString());
            settings.setProperty("energyweb.simulator.meters", "2");
            settings.setProperty("energyweb.simulator.period", "200");
            settings.setProperty("energyweb.simulator.profile", "household");
            settings.setProperty("energyweb.chain.rpcUrl", anvil.url());
            settings.setProperty("energyweb.chain.keystore", key.keystore().toString());
            settings.setProperty("energyweb.chain.passwordFile", key.passwordFile().toString());
            settings.setProperty("energyweb.merkle.contract", contract);
            settings.setProperty("energyweb.merkle.batchSize", "20");
            settings.setProperty("energyweb.merkle.batchInterval", "1000");
            Path config = root.resolve("merkle.properties");
            ChaosRig.write(config, settings);
            GatewayProcess gateway = GatewayProcess.launch(log, "run", "--routes", MERKLE_ROUTE.toString(), "--config", config.toString(),
                    "--data", data.toString());
            try {
                String url = gateway.managementUrl(Duration.ofSeconds(60));
                gateway.awaitReady(() -> inConfirmedBatch(data, "sim-1", 0), Duration.ofSeconds(90));
                Path proof = root.resolve("sim-1-0.proof.json");

                JsonNode page = browse(url, "sim-1", 0, GatewayProcess.PROJECT.resolve("target/status-page-merkle.png"), proof);

                assertThat(page.path("lookup").path("anchored").asText()).isEqualTo("yes");
                assertThat(page.path("lookup").path("batch").asText()).contains("confirmed");
                GatewayProcess verify = GatewayProcess.launch(root.resolve("verify.log"), "verify-proof", proof.toString(), "--rpc", anvil.url());
                assertThat(verify.awaitExit(Duration.ofSeconds(60))).as(verify.output()).isZero();
                assertThat(verify.output()).contains("VALID");
            } finally {
                gateway.stop();
            }
        }
    }

    /** Read beside the running gateway (it holds the ledger's lock): is the reading in a confirmed batch yet? */
    private static boolean inConfirmedBatch(Path data, String meter, long seq) {
        if (!Files.exists(data.resolve("ledger.db-shm"))) {
            return false;
        }
        Batches batches = Batches.readOnly(data);
        return batches.reading(meter, seq).flatMap(entry -> batches.containing(entry.position()))
                .filter(batch -> batch.state().equals(Batches.CONFIRMED)).isPresent();
    }

    private static HopState hopState(Path data, String meter, long seq, String hop) {
        try (Ledger ledger = Ledger.open(data)) {
            long position = ledger.find(meter, seq).orElseThrow().position();
            return ledger.hops().state(position, hop).orElseThrow();
        }
    }

    /** Runs the page in Chromium; the JSON it printed. */
    private JsonNode browse(String url, String meter, long seq, Path screenshot, Path proof) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", PEERS.resolve("status-page.cjs").toString(), url, meter, Long.toString(seq),
                screenshot.toString()));
        if (proof != null) {
            command.add(proof.toString());
        }
        Files.createDirectories(screenshot.getParent());
        Path out = root.resolve("browser.out");
        Process browser = new ProcessBuilder(command).directory(PEERS.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!browser.waitFor(3, TimeUnit.MINUTES)) {
            browser.destroyForcibly();
            throw new AssertionError("the browser did not finish within 3 minutes: " + Files.readString(out));
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(browser.exitValue()).as(printed).isZero();
        String last = printed.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(printed));
        return JSON.readTree(last);
    }
}
