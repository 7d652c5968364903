package org.energyweb.fleet.worker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.energyweb.chain.DevChain;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chaos.GatewayProcess;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.FleetEngines;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped route set runs from YAML and a properties file alone, as the docs say: {@code energyweb run
 * --routes anchor-service.camel.yaml --config FILE} in a JVM of its own, against a real KRaft broker,
 * PostgreSQL and anvil, builds its beans from the properties and anchors the readings it consumes.
 */
class AnchorServiceRouteSetTest {

    @Test
    void energywebRunWithTheShippedFileAndAPropertiesFileAnchorsTheReadingsItConsumes(@TempDir Path dir) throws Exception {
        try (FleetEngines engines = FleetEngines.start(dir.resolve("kafka")); AnvilPeer anvil = AnvilPeer.automine()) {
            engines.broker.createTopic("energyweb-readings", 1);
            engines.broker.createTopic("energyweb-anchors", 1);
            DevChain chain = new DevChain(anvil);
            Path keystore = dir.resolve("service.json");
            Path password = Files.writeString(dir.resolve("service.password"), "route-set\n");
            Keystore.write(keystore, AnvilPeer.ACCOUNT_1.getEcKeyPair(), "route-set".toCharArray(), Keystore.Strength.LIGHT);
            Path routes = dir.resolve("anchor-service.camel.yaml");
            try (InputStream shipped = getClass().getResourceAsStream("/routes/fleet/anchor-service.camel.yaml")) {
                Files.copy(shipped, routes);
            }
            Path config = Files.writeString(dir.resolve("anchor.properties"), String.join("\n",
                    "energyweb.anchor.brokers=" + engines.broker.bootstrapServers(),
                    "energyweb.anchor.workerId=worker-run",
                    "energyweb.anchor.jdbcUrl=" + engines.postgres.jdbcUrl(),
                    "energyweb.anchor.gateways=gw-1",
                    "energyweb.anchor.batchSize=2",
                    "energyweb.anchor.batchInterval=PT0.3S",
                    "energyweb.anchor.rpcUrl=" + anvil.url(),
                    "energyweb.anchor.contract=" + chain.contracts.anchor(),
                    "energyweb.anchor.keystore=" + keystore,
                    "energyweb.anchor.passwordFile=" + password, ""));
            List<ReadingDocument> meter = TestReadings.chain("m-run", 2);
            try (KafkaProducer<String, byte[]> producer = TestReadings.producer(engines.broker.bootstrapServers())) {
                for (ReadingDocument document : meter) {
                    producer.send(TestReadings.record("energyweb-readings", "gw-1", document, document.sha256Hex())).get();
                }
            }

            GatewayProcess service = GatewayProcess.launchFromClasses(dir.resolve("run.log"), "run", "--routes", routes.toString(),
                    "--config", config.toString(), "--data", dir.resolve("data").toString());
            try (FleetStore store = new FleetStore(engines.postgres.jdbcUrl())) {
                BatchChainStore batches = store.chainStore();
                service.awaitReady(() -> meter.stream().allMatch(document -> batches.anchoredBatchOf(document.sha256Hex()).isPresent()),
                        Duration.ofSeconds(120));
                Optional<BatchChainStore.Anchored> anchored = batches.anchoredBatchOf(meter.get(0).sha256Hex());
                assertThat(anchored).get().extracting(BatchChainStore.Anchored::contract).asString().isEqualToIgnoringCase(chain.contracts.anchor());
            } finally {
                assertThat(service.stop()).as(service.output()).isZero();
            }
        }
    }
}
