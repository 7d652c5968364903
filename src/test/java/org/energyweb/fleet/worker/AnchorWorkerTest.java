package org.energyweb.fleet.worker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.energyweb.fleet.store.FencedException;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.fleet.store.PartitionClaim;
import org.energyweb.peers.FleetEngines;
import org.energyweb.peers.KafkaBroker;
import org.energyweb.peers.PostgresServer;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The anchoring worker against a real KRaft broker and a real PostgreSQL: checks, dead letters, offsets in the database, fencing. */
class AnchorWorkerTest {

    private static final String TOPIC = "readings";

    @TempDir
    static Path dir;
    private static FleetEngines engines;
    private static KafkaBroker broker;
    private static PostgresServer postgres;

    @BeforeAll
    static void startPeers() {
        engines = FleetEngines.start(dir.resolve("kafka"));
        broker = engines.broker;
        postgres = engines.postgres;
        broker.createTopic(TOPIC, 2);
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            store.addGateway("gw-1");
        }
    }

    /** A worker of the route set with batches of 4 readings, anchoring nothing. */
    private static Properties settings(String topic, String group, String workerId) {
        Properties settings = new Properties();
        settings.setProperty("energyweb.anchor.brokers", broker.bootstrapServers());
        settings.setProperty("energyweb.anchor.topic", topic);
        settings.setProperty("energyweb.anchor.group", group);
        settings.setProperty("energyweb.anchor.workerId", workerId);
        settings.setProperty("energyweb.anchor.jdbcUrl", postgres.jdbcUrl());
        settings.setProperty("energyweb.anchor.sessionTimeoutMs", "6000");
        settings.setProperty("energyweb.anchor.heartbeatIntervalMs", "1500");
        settings.setProperty("energyweb.anchor.batchSize", "4");
        settings.setProperty("energyweb.anchor.batchInterval", "PT0.3S");
        return settings;
    }

    @AfterAll
    static void stopPeers() {
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void badRecordsBecomeDeadLettersWithTheirReasonWhileTheChainsAroundThemAreAcceptedOnceInOrder() throws Exception {
        List<ReadingDocument> m1 = chain("m-1", 6);
        List<ReadingDocument> m2 = chain("m-2", 4);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                send(producer, "gw-1", m1.get(i), m1.get(i).sha256Hex());
            }
            send(producer, "gw-1", m1.get(2), m1.get(2).sha256Hex());                  // duplicate: dropped
            send(producer, "gw-1", m1.get(4), m1.get(4).sha256Hex());                  // gap: 3 is missing
            producer.send(record("gw-1", "m-1", "3", m1.get(3).sha256Hex(),
                    "{\"meter\":\"m-1\",".getBytes(StandardCharsets.UTF_8))).get();    // broken document
            send(producer, "gw-1", m1.get(3), "00".repeat(32));                         // wrong SHA-256 header
            send(producer, "gw-9", m2.get(0), m2.get(0).sha256Hex());                  // unknown gateway
            send(producer, "gw-1", m1.get(3), m1.get(3).sha256Hex());                  // the partition goes on
            send(producer, "gw-1", m1.get(4), m1.get(4).sha256Hex());
            send(producer, "gw-1", m1.get(5), m1.get(5).sha256Hex());
            for (ReadingDocument document : m2) {
                send(producer, "gw-1", document, document.sha256Hex());
            }
        }

        AnchorWorker worker = new AnchorWorker(settings(TOPIC, "anchors", "worker-a"));
        Thread thread = new Thread(worker, "worker-a");
        thread.start();
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> store.acceptedSeqs("m-1").size() == 6 && store.acceptedSeqs("m-2").size() == 4
                    && store.unbatchedCount() == 0);
            assertThat(store.acceptedSeqs("m-1")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(store.acceptedSeqs("m-2")).containsExactly(0L, 1L, 2L, 3L);
            assertThat(store.deadLetters()).extracting(FleetStore.DeadLetter::reason).satisfiesExactlyInAnyOrder(
                    reason -> assertThat(reason).startsWith("gap: m-1 expects seq 3, got 4"),
                    reason -> assertThat(reason).startsWith("broken document"),
                    reason -> assertThat(reason).startsWith("SHA-256 header 0000"),
                    reason -> assertThat(reason).isEqualTo("unknown gateway gw-9"));
        } finally {
            worker.close();
            thread.join();
        }
    }

    @Test
    void aDatabaseOutageWhileReadingsArriveLosesAndRepeatsNone() throws Exception {
        String topic = "outage";
        broker.createTopic(topic, 1);
        List<ReadingDocument> meter = chain("m-outage", 15);
        AnchorWorker worker = new AnchorWorker(settings(topic, "anchors-outage", "worker-o"));
        Thread thread = new Thread(worker, "worker-o");
        thread.start();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int seq = 0; seq < 5; seq++) {
                producer.send(TestReadings.record(topic, "gw-1", meter.get(seq), meter.get(seq).sha256Hex())).get();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted("m-outage") == 5);

            postgres.stop();
            try {
                for (int seq = 5; seq < 10; seq++) {
                    producer.send(TestReadings.record(topic, "gw-1", meter.get(seq), meter.get(seq).sha256Hex())).get();
                }
                Thread.sleep(3_000); // the outage itself: the worker reads these while it cannot store them
            } finally {
                postgres.start();
            }
            for (int seq = 10; seq < 15; seq++) {
                producer.send(TestReadings.record(topic, "gw-1", meter.get(seq), meter.get(seq).sha256Hex())).get();
            }
            try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
                await().atMost(Duration.ofSeconds(90)).until(() -> store.acceptedSeqs("m-outage").size() == 15 && store.unbatchedCount() == 0);
                assertThat(store.acceptedSeqs("m-outage")).isEqualTo(LongStream.range(0, 15).boxed().toList());
                assertThat(store.nextOffset(topic, 0)).isEqualTo(15);
                assertThat(store.deadLetters()).noneMatch(letter -> "m-outage".equals(letter.meter()));
            }
        } finally {
            worker.close();
            thread.join();
        }
    }

    private static int accepted(String meter) {
        try (FleetStore store = new FleetStore(postgres.jdbcUrl())) {
            return store.acceptedSeqs(meter).size();
        }
    }

    @Test
    void aWorkerWhosePartitionWasClaimedByAnotherWritesNothingMore() {
        try (FleetStore a = new FleetStore(postgres.jdbcUrl()); FleetStore b = new FleetStore(postgres.jdbcUrl())) {
            PartitionClaim stale = a.claim("fenced", 0, "worker-a");
            PartitionClaim current = b.claim("fenced", 0, "worker-b");
            assertThat(current.epoch()).isGreaterThan(stale.epoch());

            assertThatThrownBy(() -> a.commit(stale, List.of(), List.of(), List.of(), 42)).isInstanceOf(FencedException.class);
            assertThatThrownBy(() -> a.formBatch(stale, 10)).isInstanceOf(FencedException.class);
            assertThat(b.nextOffset("fenced", 0)).isZero();
            b.commit(current, List.of(), List.of(), List.of(), 7);
            assertThat(a.nextOffset("fenced", 0)).isEqualTo(7);
        }
    }

    private static List<ReadingDocument> chain(String meter, int length) {
        return TestReadings.chain(meter, length);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return TestReadings.producer(broker.bootstrapServers());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String gateway, ReadingDocument document, String sha256) throws Exception {
        producer.send(TestReadings.record(TOPIC, gateway, document, sha256)).get();
    }

    private static ProducerRecord<String, byte[]> record(String gateway, String meter, String seq, String sha256, byte[] value) {
        return TestReadings.record(TOPIC, gateway, meter, seq, sha256, value);
    }
}
