package org.energyweb.chain.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.chain.tx.TransactionRejectedException;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The origin: component and the origin-meter-read-sink kamelet in a Camel context, against a real anvil. */
class OriginComponentTest extends OnDevChain {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    private Ledger ledger;
    private CamelContext camel;

    @AfterEach
    void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    private record Meter(Credentials key, Path keystore, Path passwordFile, BigInteger asset) {
    }

    private Meter onboardedMeter(boolean active) throws Exception {
        Credentials key = Credentials.create(Keys.createEcKeyPair());
        chain.eth.rpc().callAndWait("anvil_setBalance", key.getAddress(), "0x56BC75E2D63100000");
        Path keystore = dir.resolve("meter.json");
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "meter password\n");
        Keystore.write(keystore, key.getEcKeyPair(), "meter password".toCharArray(), Keystore.Strength.LIGHT);
        BigInteger asset = chain.onboard(Registry.PRODUCING, key);
        if (!active) {
            chain.admin.setActive(chain.contracts.producing(), asset, false);
        }
        return new Meter(key, keystore, passwordFile, asset);
    }

    private String uri(Meter meter) {
        return "origin:producing?assetId=" + meter.asset() + "&rpcUrl=" + anvil.url() + "&contract=" + chain.contracts.producing()
                + "&keystore=" + meter.keystore() + "&passwordFile=" + meter.passwordFile() + "&pollInterval=50";
    }

    private ProducerTemplate start(String to) throws Exception {
        ledger = Ledger.open(dir.resolve("data"));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("ledger", ledger);
        camel.getComponent("kamelet", KameletComponent.class).setLocation("file:" + Path.of("kamelets").toAbsolutePath());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:anchor").to(to);
            }
        });
        camel.start();
        return camel.createProducerTemplate();
    }

    @Test
    void aLedgerEntrySentToTheEndpointIsConfirmedAndCarriesItsTransaction() throws Exception {
        Meter meter = onboardedMeter(true);
        ProducerTemplate template = start(uri(meter));
        LedgerEntry entry = ledger.appendAndWait(Measurement.of("meter-1", T0, 1_234, "test"));

        Exchange done = template.request("direct:anchor", exchange -> exchange.getMessage().setBody(entry));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(OriginConstants.TRANSACTION_HASH, String.class)).startsWith("0x");
        assertThat(done.getMessage().getHeader(OriginConstants.BLOCK_NUMBER, Long.class)).isPositive();
        assertThat(ledger.hops().state(entry.position(), ChainHop.HOP).orElseThrow().state()).isEqualTo(ChainHop.CONFIRMED);
        assertThat(chain.admin.lastFileHash(chain.contracts.producing(), meter.asset())).isEqualTo(entry.document().sha256());
    }

    @Test
    void aRevertFailsTheExchangeWithTheContractsReasonAndIsDeadLettered() throws Exception {
        Meter meter = onboardedMeter(false);
        ProducerTemplate template = start(uri(meter));
        LedgerEntry entry = ledger.appendAndWait(Measurement.of("meter-1", T0, 1_234, "test"));

        assertThatThrownBy(() -> template.requestBody("direct:anchor", entry))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(TransactionRejectedException.class)
                .hasRootCauseMessage("reading @1 not anchored: asset is not active");
        assertThat(ledger.deadLetters().count()).isEqualTo(1);
        assertThat(ledger.deadLetters().list(1).get(0).reason()).contains("asset is not active");
    }

    @Test
    void aReadingOfAMeterWithoutAnAssetIsDeadLetteredWhileTheOtherMetersReadingsAreAnchoredAndReplaySendsItOnceMapped() throws Exception {
        Meter meter = onboardedMeter(true);
        ledger = Ledger.open(dir.resolve("data"));
        LedgerEntry first = ledger.appendAndWait(Measurement.of("mapped", T0, 1, "test"));
        LedgerEntry unmapped = ledger.appendAndWait(Measurement.of("unmapped", T0, 2, "test"));
        LedgerEntry last = ledger.appendAndWait(Measurement.of("mapped", T0.plusSeconds(60), 3, "test"));
        Properties assets = new Properties();
        assets.setProperty("energyweb.asset.mapped", meter.asset().toString());

        runOutbox(meter, assets, () -> state(last).equals(ChainHop.CONFIRMED) && state(unmapped).equals(ChainHop.DEAD));

        assertThat(state(first)).isEqualTo(ChainHop.CONFIRMED);
        DeadLetter letter = ledger.deadLetters().list(1).get(0);
        assertThat(letter.meter()).isEqualTo("unmapped");
        assertThat(letter.reason()).contains("meter unmapped has no Origin asset", "energyweb.asset.unmapped");
        assertThat(letter.payload()).isEqualTo(unmapped.document().bytes());

        // The operator onboards and maps the meter, replays its dead letter, and the gateway starts again.
        BigInteger asset = chain.onboard(Registry.PRODUCING, meter.key());
        assets.setProperty("energyweb.asset.unmapped", asset.toString());
        assertThat(ledger.deadLetters().replay(letter.id()).seq()).isEqualTo(unmapped.seq());
        runOutbox(meter, assets, () -> state(unmapped).equals(ChainHop.CONFIRMED));

        assertThat(chain.admin.lastFileHash(chain.contracts.producing(), asset)).isEqualTo(unmapped.document().sha256());
        assertThat(ledger.size()).as("replay appended nothing").isEqualTo(3);
    }

    /** The chain hop of full-gateway.camel.yaml with {@code assets} as its properties, run until {@code done}. */
    private void runOutbox(Meter meter, Properties assets, BooleanSupplier done) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("ledger", ledger);
            context.getPropertiesComponent().setInitialProperties(assets);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("ledger:outbox?hop=chain&recordState=false&finalStates=nonce-allocated,sent,mined,confirmed,dead&delay=20")
                            .setHeader(OriginConstants.ASSET_ID, simple("${properties:energyweb.asset.${header.EnergywebMeter}:}"))
                            .to(uri(meter).replace("assetId=" + meter.asset() + "&", ""));
                }
            });
            context.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!done.getAsBoolean()) {
                assertThat(System.nanoTime()).as("the outbox got there within a minute").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private String state(LedgerEntry entry) {
        return ledger.hops().state(entry.position(), ChainHop.HOP).map(HopState::state).orElse("pending");
    }

    @Test
    void theKameletAnchorsAReadingDocumentFoundInTheLedger() throws Exception {
        Meter meter = onboardedMeter(true);
        ProducerTemplate template = start("kamelet:origin-meter-read-sink?registry=producing&assetId=" + meter.asset()
                + "&rpcUrl=" + anvil.url() + "&contract=" + chain.contracts.producing() + "&keystore=" + meter.keystore()
                + "&passwordFile=" + meter.passwordFile());
        LedgerEntry entry = ledger.appendAndWait(Measurement.of("meter-1", T0, 99, "test"));

        Exchange done = template.request("direct:anchor", exchange -> exchange.getMessage().setBody(entry.document()));

        assertThat(done.getException()).isNull();
        assertThat(chain.admin.lastFileHash(chain.contracts.producing(), meter.asset())).isEqualTo(entry.document().sha256());
    }

    @Test
    void theKameletWithoutPasswordEnvLooksUpTheVariableTheComponentNames() throws Exception {
        Meter meter = onboardedMeter(true);
        start("kamelet:origin-meter-read-sink?registry=producing&assetId=" + meter.asset() + "&rpcUrl=" + anvil.url()
                + "&contract=" + chain.contracts.producing() + "&keystore=" + meter.keystore() + "&passwordFile=" + meter.passwordFile());

        assertThat(camel.getEndpoints()).filteredOn(OriginEndpoint.class::isInstance).singleElement()
                .extracting(endpoint -> ((OriginEndpoint) endpoint).getConfiguration().getKeyPassword().getPasswordEnv())
                .isEqualTo(KeyPassword.ENVIRONMENT_VARIABLE);
    }

    @Test
    void aPlainHttpNodeOnAnotherMachineIsRefusedUnlessExplicitlyAllowed() throws Exception {
        ledger = Ledger.open(dir.resolve("data"));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("ledger", ledger);
        String remote = "origin:consuming?assetId=0&rpcUrl=http://192.0.2.10:8545&contract=0x5fbdb2315678afecb367f032d93f642f64180aa3"
                + "&keystore=" + dir.resolve("k.json");

        assertThatThrownBy(() -> camel.getEndpoint(remote)).hasRootCauseMessage("RPC URL http://192.0.2.10:8545 is not on this "
                + "machine and not https; use https, or set allowInsecure=true (--allow-insecure on the command line) to accept that");
        assertThat(camel.getEndpoint(remote + "&allowInsecure=true")).isInstanceOf(OriginEndpoint.class);
    }

    @Test
    void anEndpointWithoutItsRequiredOptionsNamesThem() {
        camel = new DefaultCamelContext();
        assertThatThrownBy(() -> camel.getEndpoint("origin:producing?rpcUrl=http://127.0.0.1:1"))
                .hasRootCauseMessage("origin endpoint lacks required options: contract keystore");
    }
}
