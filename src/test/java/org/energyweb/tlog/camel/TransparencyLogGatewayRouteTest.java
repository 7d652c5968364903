package org.energyweb.tlog.camel;

import org.apache.camel.CamelContext;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.peers.AnvilPeer;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/examples/transparency-log-gateway.camel.yaml as users run it: the gateway keeps its log, signs checkpoints, has a
 * witness cosign them and anchors them on a real anvil, the notes on a real js-ipfs node.
 */
class TransparencyLogGatewayRouteTest extends KameletTestSupport {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    static Path dir;
    private static NoteVerifier verifier;
    private static Path passwordFile;
    private static Cosigner cosigner;
    private static WitnessServer witness;

    private static AnvilPeer anvil;
    private static DevChain chain;
    private static Path keystore;
    private static SignedNote emptyLog;

    @AfterAll
    static void stopWitnessAndChain() {
        witness.close();
        anvil.close();
    }

    @BeforeAll
    static void createLogKeyAndStartAWitness() throws Exception {
        passwordFile = Files.writeString(dir.resolve("log-password"), "log key password\n");
        Files.createDirectories(dir.resolve("data"));
        verifier = LogKeys.create(LogKeys.keystoreIn(dir.resolve("data")), "log key password".toCharArray(), "gateway.example/log",
                Keystore.Strength.LIGHT);
        // An earlier release kept its checkpoints flat: that of the empty log, here.
        emptyLog = SignedNote.sign(new Checkpoint("gateway.example/log", 0, MessageDigest.getInstance("SHA-256").digest()).text(),
                LogKeys.unlock(LogKeys.keystoreIn(dir.resolve("data")), "log key password".toCharArray()));
        Files.writeString(Files.createDirectories(dir.resolve("data/log/checkpoints")).resolve("0"), emptyLog.encoded());
        cosigner = new Cosigner("witness.example/w1", new byte[] {7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                22, 23, 24, 25, 26, 27, 28, 29, 30, 31});
        witness = WitnessServer.start(new Witness(cosigner, List.of(verifier), dir.resolve("witness"), Clock.systemUTC()),
                new InetSocketAddress("127.0.0.1", 0));
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        keystore = dir.resolve("anchorer.json");
        Keystore.write(keystore, AnvilPeer.ACCOUNT_1.getEcKeyPair(), "anchorer password".toCharArray(), Keystore.Strength.LIGHT);
        Files.writeString(dir.resolve("anchorer-password"), "anchorer password\n");
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = simulatedGatewayProperties(dir.resolve("data"));
        properties.put("energyweb.log.period", "100");
        properties.put("energyweb.log.passwordFile", passwordFile.toString());
        properties.put("energyweb.log.witnessUrls", witness.url().toString());
        properties.put("energyweb.log.witnessKeys", cosigner.verifier().text());
        properties.put("energyweb.log.witnessQuorum", "1");
        properties.put("energyweb.log.contract", chain.contracts.anchor());
        properties.put("energyweb.chain.rpcUrl", anvil.url());
        properties.put("energyweb.chain.keystore", keystore.toString());
        properties.put("energyweb.chain.passwordFile", dir.resolve("anchorer-password").toString());
        properties.put("energyweb.ipfs.apiUrl", IPFS.apiUrl());
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
    void aCheckpointKeptFlatByAnEarlierReleaseIsMovedIntoItsFolderWhenTheLogStarts() {
        Path checkpoints = dir.resolve("data/log/checkpoints");

        assertThat(checkpoints.resolve("0")).doesNotExist();
        assertThat(checkpoints.resolve("x000/000/0")).hasContent(emptyLog.encoded());
    }

    @Test
    void theServedCheckpointCarriesTheWitnessCosignatureOfItsText() {
        await().atMost(Duration.ofSeconds(60)).until(() -> LedgerLog.latestCheckpoint(dir.resolve("data"))
                .filter(note -> note.signatures().stream().anyMatch(line -> cosigner.verifier().verify(note.text(), line).isPresent()))
                .isPresent());
    }

    @Test
    void theGatewayAnchorsItsCosignedCheckpointsWhoseNotesAreOnIpfsUnderTheAnchoredCid() {
        KeptCheckpoints kept = new KeptCheckpoints(dir.resolve("data"));
        await().atMost(Duration.ofSeconds(90)).until(() -> head().size() > 0);
        ReadingAnchorContract.LogHead head = head();
        byte[] bytes = kept.bytes(head.size()).orElseThrow();
        SignedNote note = SignedNote.parse(new String(bytes, StandardCharsets.UTF_8));

        assertThat(IPFS.client().cat(Cid.parse(head.checkpointCid()))).isEqualTo(bytes);
        assertThat(head.root()).isEqualTo(Checkpoint.parse(note.text()).root());
        assertThat(note.signatures()).anyMatch(line -> cosigner.verifier().verify(note.text(), line).isPresent());
    }

    private static ReadingAnchorContract.LogHead head() {
        return ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), AnvilPeer.ACCOUNT_1.getAddress(), "gateway.example/log");
    }

    @Test
    void theKameletWithoutPasswordEnvLooksUpTheVariableTheLogKeysName() {
        assertThat(context.getEndpoints()).filteredOn(TransparencyLogEndpoint.class::isInstance).singleElement()
                .extracting(endpoint -> ((TransparencyLogEndpoint) endpoint).getKeyPassword().getPasswordEnv())
                .isEqualTo(LogKeys.ENVIRONMENT_VARIABLE);
    }
}
