package org.energyweb.batch.camel;

import org.apache.camel.CamelContext;
import org.energyweb.batch.BatchHop;
import org.energyweb.batch.BatchProver;
import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.proof.ProofVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/examples/merkle-gateway.camel.yaml as users run it: simulated meters, the ledger and the merkle-anchor-sink kamelet on a real anvil. */
class MerkleGatewayRouteTest extends KameletTestSupport {

    @TempDir
    static Path dir;
    private static AnvilPeer anvil;
    private static DevChain chain;
    private static Path keystore;
    private static Path passwordFile;

    @BeforeAll
    static void startChain() throws Exception {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        keystore = dir.resolve("anchorer.json");
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "anchorer password\n");
        Keystore.write(keystore, AnvilPeer.ACCOUNT_1.getEcKeyPair(), "anchorer password".toCharArray(), Keystore.Strength.LIGHT);
    }

    @AfterAll
    static void stopChain() {
        anvil.close();
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = simulatedGatewayProperties(dir.resolve("data"));
        properties.put("energyweb.chain.rpcUrl", anvil.url());
        properties.put("energyweb.chain.keystore", keystore.toString());
        properties.put("energyweb.chain.passwordFile", passwordFile.toString());
        properties.put("energyweb.merkle.contract", chain.contracts.anchor());
        properties.put("energyweb.merkle.batchSize", "8");
        properties.put("energyweb.merkle.batchInterval", "500");
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        loadProjectRoutes(context, "routes/examples/merkle-gateway.camel.yaml");
        return context;
    }

    @Test
    void simulatedReadingsAreAnchoredInMerkleBatchesAndProveAgainstTheChain() {
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(dir.resolve("data").toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.batches().countByState().getOrDefault(BatchHop.CONFIRMED, 0L) >= 2);
        var first = ledger.at(1).orElseThrow();
        context.stop();

        var proof = new BatchProver(dir.resolve("data")).prove(first.meter(), first.seq(), null);
        var verification = ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(chain.eth)).verify(proof);
        assertThat(verification.valid()).as(verification.reason()).isTrue();
    }
}
