package org.energyweb.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.energyweb.chain.OnDevChain;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ledger.Ledger;
import org.energyweb.reading.Measurement;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.anchor.AnchoredCheckpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateways in one JVM, each anchoring its own log checkpoint (checkpoint-anchor:) with its own key on a real anvil, the
 * notes on a real js-ipfs node. The gas their transactions used and their checkpoint gauges go to each one's own
 * CamelContext registry, so neither shows the other's.
 */
class GatewaysAnchoringInOneJvmTest extends OnDevChain {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    Path dir;

    private Gateway small;
    private Gateway large;

    /** One gateway: its CamelContext, its metrics registry and its data folder, anchoring the checkpoint it keeps. */
    private record Gateway(CamelContext context, SimpleMeterRegistry metrics, Path dataDir) implements AutoCloseable {

        static Gateway start(Path dir, String name, int readings) throws Exception {
            Path dataDir = dir.resolve(name);
            keepCheckpoint(dataDir, "gateway.example/" + name, readings);
            Credentials key = Credentials.create(Keys.createEcKeyPair());
            chain.eth.rpc().callAndWait("anvil_setBalance", key.getAddress(), "0x56BC75E2D63100000");
            Path keystore = dir.resolve(name + "-key.json");
            Keystore.write(keystore, key.getEcKeyPair(), "anchorer password".toCharArray(), Keystore.Strength.LIGHT);
            Path passwordFile = Files.writeString(dir.resolve(name + "-password"), "anchorer password\n");
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            CamelContext context = new DefaultCamelContext();
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, metrics);
            String anchor = "checkpoint-anchor:" + chain.contracts.anchor() + "?rpcUrl=" + anvil.url() + "&keystore=" + keystore
                    + "&passwordFile=" + passwordFile + "&dataDir=" + dataDir + "&ipfsApiUrl=" + IPFS.apiUrl() + "&pollInterval=50";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:kept").to(anchor);
                }
            });
            context.start();
            context.createProducerTemplate().sendBody("direct:kept", "kept");
            return new Gateway(context, metrics, dataDir);
        }

        /** Appends {@code readings} readings and keeps a signed checkpoint of the log holding them, as tlog:checkpoint does. */
        private static void keepCheckpoint(Path dataDir, String origin, int readings) throws InterruptedException {
            try (Ledger ledger = Ledger.open(dataDir); LedgerLog log = LedgerLog.open(ledger)) {
                for (int i = 1; i <= readings; i++) {
                    ledger.appendAndWait(Measurement.of("meter-1", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * i), i, "test"));
                }
                log.awaitLedger();
                new KeptCheckpoints(dataDir).keep(log.checkpoint(new NoteSigner(origin, new byte[32])));
            }
        }

        List<AnchoredCheckpoints.Anchored> anchored() {
            return AnchoredCheckpoints.read(dataDir);
        }

        double gasCounted() {
            return metrics.get("energyweb.chain.gas.used").counter().count();
        }

        List<String> gaugedDataDirs() {
            return metrics.find("energyweb.log.checkpoint.anchored.size").gauges().stream().map(g -> g.getId().getTag("dataDir")).toList();
        }

        double anchoredSizeGauge() {
            Gauge gauge = metrics.find("energyweb.log.checkpoint.anchored.size").tag("dataDir", dataDir.toString()).gauge();
            return gauge == null ? Double.NaN : gauge.value();
        }

        @Override
        public void close() {
            context.stop();
        }
    }

    @BeforeEach
    void startTwoGatewaysAndAwaitTheirCheckpointsAnchored() throws Exception {
        small = Gateway.start(dir, "small", 2);
        large = Gateway.start(dir, "large", 3);
        await().atMost(Duration.ofSeconds(90)).until(() -> small.anchoredSizeGauge() == 2 && large.anchoredSizeGauge() == 3);
    }

    @AfterEach
    void stop() {
        if (small != null) {
            small.close();
        }
        if (large != null) {
            large.close();
        }
    }

    @Test
    void eachContextCountsOnlyTheGasOfItsOwnTransactions() {
        for (Gateway gateway : List.of(small, large)) {
            double gas = gateway.anchored().stream()
                    .mapToDouble(one -> chain.eth.receipt(one.transaction()).orElseThrow().gasUsed().doubleValue()).sum();
            assertThat(gateway.anchored()).as(gateway.dataDir().toString()).hasSize(1);
            assertThat(gateway.gasCounted()).as(gateway.dataDir().toString()).isPositive().isEqualTo(gas);
        }
    }

    @Test
    void eachContextsCheckpointGaugesShowOnlyItsOwnDataFolder() {
        assertThat(small.gaugedDataDirs()).containsExactly(small.dataDir().toString());
        assertThat(large.gaugedDataDirs()).containsExactly(large.dataDir().toString());
        assertThat(small.metrics().get("energyweb.log.checkpoint.waiting.quorum").gauges()).hasSize(1);
        assertThat(large.metrics().get("energyweb.log.checkpoint.waiting.quorum").gauges()).hasSize(1);
    }
}
