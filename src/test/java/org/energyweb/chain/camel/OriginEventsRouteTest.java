package org.energyweb.chain.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.OriginAdmin;
import org.energyweb.chain.origin.Registry;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** origin-events: as the start of a YAML route, against a real anvil. */
class OriginEventsRouteTest {

    @TempDir
    Path data;

    private AnvilPeer anvil;
    private DevChain chain;
    private Ledger ledger;

    @BeforeEach
    void start() {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        ledger = Ledger.open(data);
    }

    @AfterEach
    void stop() {
        ledger.close();
        anvil.close();
    }

    private CamelContext yamlRoute() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("ledger", ledger);
        String yaml = """
                - route:
                    from:
                      uri: "origin-events:meter-reads"
                      parameters:
                        rpcUrl: "%s"
                        contract: "%s"
                        preset: producing
                        delay: 100
                      steps:
                        - to: "seda:reads"
                """.formatted(anvil.url(), chain.contracts.producing());
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("events.camel.yaml", yaml));
        camel.start();
        return camel;
    }

    private void read(OriginAdmin meter, BigInteger asset, int n) {
        byte[] hash = new byte[32];
        hash[31] = (byte) n;
        meter.transactor().execute(chain.contracts.producing(), Registry.encode(Registry.PRODUCING.saveSmartMeterRead(asset, n, false, hash)));
    }

    private void awaitCheckpointAt(long block) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            var checkpoint = ledger.settings().get("events.meter-reads.checkpoint");
            if (checkpoint.isPresent() && Long.parseLong(checkpoint.get().split(":")[0]) >= block) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the listener recorded no checkpoint at block " + block);
    }

    @Test
    void meterReadEventsStartAYamlRouteOnceEachAcrossARestart() throws Exception {
        BigInteger asset = chain.onboard(Registry.PRODUCING, AnvilPeer.ACCOUNT_1);
        OriginAdmin meter = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        read(meter, asset, 1);

        try (CamelContext camel = yamlRoute(); ConsumerTemplate consumer = camel.createConsumerTemplate()) {
            Exchange first = consumer.receive("seda:reads", 10_000);
            assertThat(first.getMessage().getBody(Map.class)).containsEntry("assetId", asset).containsEntry("newMeterRead", BigInteger.ONE);
            assertThat(first.getMessage().getHeader(OriginConstants.EVENT)).isEqualTo("LogNewMeterRead");
            assertThat(first.getMessage().getHeader(OriginConstants.TRANSACTION_HASH, String.class)).startsWith("0x");
            awaitCheckpointAt(first.getMessage().getHeader(OriginConstants.BLOCK_NUMBER, Long.class));
        }
        read(meter, asset, 2);
        try (CamelContext camel = yamlRoute(); ConsumerTemplate consumer = camel.createConsumerTemplate()) {
            Exchange next = consumer.receive("seda:reads", 10_000);
            assertThat(next.getMessage().getBody(Map.class)).containsEntry("newMeterRead", BigInteger.TWO)
                    .containsEntry("fileHash", Numeric.toHexString(new byte[31]) + "02");
            assertThat(consumer.receive("seda:reads", 500)).as("the first event is not delivered again").isNull();
        }
    }
}
