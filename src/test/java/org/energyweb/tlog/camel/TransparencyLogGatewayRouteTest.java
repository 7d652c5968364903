package org.energyweb.tlog.camel;

import org.apache.camel.CamelContext;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.proof.MerkleTree;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.LogKeys;
import org.energyweb.tlog.NoteVerifier;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.witness.Cosigner;
import org.energyweb.tlog.witness.Witness;
import org.energyweb.tlog.witness.WitnessServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/examples/transparency-log-gateway.camel.yaml as users run it: the gateway keeps its log and signs checkpoints. */
class TransparencyLogGatewayRouteTest extends KameletTestSupport {

    @TempDir
    static Path dir;
    private static NoteVerifier verifier;
    private static Path passwordFile;
    private static Cosigner cosigner;
    private static WitnessServer witness;

    @AfterAll
    static void stopWitness() {
        witness.close();
    }

    @BeforeAll
    static void createLogKeyAndStartAWitness() throws Exception {
        passwordFile = Files.writeString(dir.resolve("log-password"), "log key password\n");
        Files.createDirectories(dir.resolve("data"));
        verifier = LogKeys.create(LogKeys.keystoreIn(dir.resolve("data")), "log key password".toCharArray(), "gateway.example/log",
                Keystore.Strength.LIGHT);
        cosigner = new Cosigner("witness.example/w1", new byte[] {7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                22, 23, 24, 25, 26, 27, 28, 29, 30, 31});
        witness = WitnessServer.start(new Witness(cosigner, List.of(verifier), dir.resolve("witness"), Clock.systemUTC()),
                new InetSocketAddress("127.0.0.1", 0));
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = simulatedGatewayProperties(dir.resolve("data"));
        properties.put("energyweb.log.period", "100");
        properties.put("energyweb.log.passwordFile", passwordFile.toString());
        properties.put("energyweb.log.witnessUrls", witness.url().toString());
        properties.put("energyweb.log.witnessKeys", cosigner.verifier().text());
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        loadProjectRoutes(context, "routes/examples/transparency-log-gateway.camel.yaml");
        return context;
    }

    @Test
    void theGatewaySignsGrowingCheckpointsWhoseRootIsTheTreeOfItsLedgeredReadings() {
        List<Checkpoint> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            LedgerLog.latestCheckpoint(dir.resolve("data")).map(note -> Checkpoint.parse(note.text()))
                    .filter(c -> seen.isEmpty() || c.size() != seen.get(seen.size() - 1).size()).ifPresent(seen::add);
            return seen.size() >= 3 && seen.get(seen.size() - 1).size() >= 20;
        });
        SignedNote note = LedgerLog.latestCheckpoint(dir.resolve("data")).orElseThrow();
        Checkpoint last = Checkpoint.parse(note.text());
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(dir.resolve("data").toString());
        List<byte[]> leaves = new ArrayList<>();
        ledger.after(0, (int) last.size()).forEach(entry -> leaves.add(entry.document().sha256()));
        context.stop();

        assertThat(note.verifiedBy(List.of(verifier))).containsExactly(verifier);
        assertThat(last.origin()).isEqualTo("gateway.example/log");
        assertThat(last.root()).isEqualTo(MerkleTree.ofLeafInputs(leaves).root());
        assertThat(seen).extracting(Checkpoint::size).isSorted();
    }

    @Test
    void everySignedCheckpointIsKeptUnderItsSizeWithItsCosignatures() {
        KeptCheckpoints kept = new KeptCheckpoints(dir.resolve("data"));
        await().atMost(Duration.ofSeconds(60)).until(() -> kept.sizes().size() >= 3);
        SignedNote latest = LedgerLog.latestCheckpoint(dir.resolve("data")).orElseThrow();

        assertThat(kept.sizes()).isSorted().doesNotHaveDuplicates();
        for (long size : kept.sizes()) {
            SignedNote note = kept.at(size).orElseThrow();
            assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(size);
            assertThat(note.verifiedBy(List.of(verifier))).containsExactly(verifier);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> kept.at(Checkpoint.parse(latest.text()).size()).isPresent());
        assertThat(kept.at(Checkpoint.parse(latest.text()).size()).orElseThrow().signatures())
                .anyMatch(line -> cosigner.verifier().verify(latest.text(), line).isPresent());
    }

    @Test
    void theServedCheckpointCarriesTheWitnessCosignatureOfItsText() {
        await().atMost(Duration.ofSeconds(60)).until(() -> LedgerLog.latestCheckpoint(dir.resolve("data"))
                .filter(note -> note.signatures().stream().anyMatch(line -> cosigner.verifier().verify(note.text(), line).isPresent()))
                .isPresent());
    }

    @Test
    void theKameletWithoutPasswordEnvLooksUpTheVariableTheLogKeysName() {
        assertThat(context.getEndpoints()).filteredOn(TransparencyLogEndpoint.class::isInstance).singleElement()
                .extracting(endpoint -> ((TransparencyLogEndpoint) endpoint).getKeyPassword().getPasswordEnv())
                .isEqualTo(LogKeys.ENVIRONMENT_VARIABLE);
    }
}
