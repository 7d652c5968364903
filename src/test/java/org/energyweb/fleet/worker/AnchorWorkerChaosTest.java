package org.energyweb.fleet.worker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.peers.FleetEngines;
import org.energyweb.peers.PeerProcess;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anchoring workers as separate processes ({@code energyweb anchor-service}) under fire while a
 * gateway publishes: one SIGKILLed, one SIGSTOPped past its session timeout then SIGCONTed, the
 * broker stopped for 10 s. Then an audit of the database: every reading accepted exactly once, each
 * meter's chain complete and in order, every reading in exactly one Merkle batch, no dead letter.
 */
@Tag("chaos")
class AnchorWorkerChaosTest {

    private static final String TOPIC = "readings";
    private static final int METERS = 12;
    private static final int READINGS = 300;

    @TempDir
    Path dir;
    private FleetEngines engines;
    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        workers.forEach(Process::destroyForcibly);
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void everyReadingIsAcceptedAndBatchedExactlyOnceInItsMetersOrderThroughAKillAPausePastTheSessionTimeoutAndABrokerOutage()
            throws Exception {
        engines = FleetEngines.start(dir.resolve("kafka"));
        engines.broker.createTopic(TOPIC, 4);
        try (FleetStore store = new FleetStore(engines.postgres.jdbcUrl())) {
            store.addGateway("gw-1");
            Process a = startWorker("a");
            Process b = startWorker("b");
            CompletableFuture<Void> gateway = CompletableFuture.runAsync(this::publish);

            await().atMost(Duration.ofSeconds(120)).until(() -> store.acceptedCount() >= 600);
            PeerProcess.signal(a, "KILL");
            a.waitFor();
            startWorker("c");

            await().atMost(Duration.ofSeconds(120)).until(() -> store.acceptedCount() >= 1500);
            PeerProcess.signal(b, "STOP");
            await().atMost(Duration.ofSeconds(120)).until(() -> store.owners(TOPIC).size() == 4 && !store.owners(TOPIC).containsValue("b"));
            PeerProcess.signal(b, "CONT");

            await().atMost(Duration.ofSeconds(120)).until(() -> store.acceptedCount() >= 2500);
            engines.broker.stop();
            Thread.sleep(10_000); // the outage itself: the gateway and the workers must ride it out
            engines.broker.start();

            gateway.get();
            long total = (long) METERS * READINGS;
            await().atMost(Duration.ofSeconds(180)).until(() -> store.acceptedCount() == total && store.unbatchedCount() == 0);

            for (int m = 0; m < METERS; m++) {
                assertThat(store.acceptedSeqs("meter-" + m)).as("meter-" + m)
                        .isEqualTo(LongStream.range(0, READINGS).boxed().toList());
            }
            assertThat(store.acceptedCount()).isEqualTo(total);
            assertThat(store.deadLetters()).isEmpty();
        }
    }

    /** One gateway's meters, one round of readings at a time, spread over the chaos above. */
    private void publish() {
        List<List<ReadingDocument>> chains = new ArrayList<>();
        for (int m = 0; m < METERS; m++) {
            chains.add(TestReadings.chain("meter-" + m, READINGS));
        }
        try (KafkaProducer<String, byte[]> producer = TestReadings.producer(engines.broker.bootstrapServers())) {
            for (int seq = 0; seq < READINGS; seq++) {
                for (List<ReadingDocument> chain : chains) {
                    ReadingDocument document = chain.get(seq);
                    producer.send(TestReadings.record(TOPIC, "gw-1", document, document.sha256Hex()));
                }
                producer.flush();
                Thread.sleep(40); // a gateway's pace, not a wait for a condition
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process startWorker(String id) throws IOException {
        // in target/peers, not the test's folder, so a failure can be read afterwards
        Path log = Files.createDirectories(Path.of("target", "peers")).resolve("anchor-worker-" + id + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.energyweb.cli.EnergywebCommand", "anchor-service",
                "--brokers", engines.broker.bootstrapServers(), "--topic", TOPIC, "--group", "anchors", "--worker-id", id,
                "--jdbc-url", engines.postgres.jdbcUrl(), "--batch-size", "500", "--batch-interval", "PT1S",
                "--session-timeout", "PT3S")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(process);
        return process;
    }
}
