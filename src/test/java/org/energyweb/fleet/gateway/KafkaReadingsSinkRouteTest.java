package org.energyweb.fleet.gateway;

import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.fleet.ResultsRecord;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.peers.KafkaBroker;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.MerkleTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/examples/fleet-gateway.camel.yaml against a real KRaft broker: the kafka-readings-sink kamelet fed by the ledger's
 * outbox, and the anchor service's results read back onto the fleet hop.
 */
class KafkaReadingsSinkRouteTest extends KameletTestSupport {

    private static final String TOPIC = "energyweb-readings";
    private static final int PARTITIONS = 3;
    private static final String RESULTS = "energyweb-anchors";
    private static final Anchor ANCHOR = new Anchor(31337, "0x" + "ab".repeat(20), "0x" + "cd".repeat(32), 5);

    @TempDir
    static Path dir;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(dir.resolve("kafka"));
        broker.createTopic(TOPIC, PARTITIONS);
        broker.createTopic(RESULTS, 1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = simulatedGatewayProperties(dir.resolve("data"));
        properties.put("energyweb.gateway.id", "gateway-7");
        properties.put("energyweb.kafka.brokers", broker.bootstrapServers());
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        loadProjectRoutes(context, "routes/examples/fleet-gateway.camel.yaml");
        return context;
    }

    @Test
    void everyLedgeredReadingIsPublishedKeyedByMeterFirstInItsMetersOrderWithItsPlaceRecordedOnTheKafkaHop() throws Exception {
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(dir.resolve("data").toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.size() >= 20);
        context.getRouteController().stopRoute("fleet-gateway-meters");
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.hops().countPending(KafkaHop.NAME, List.of(KafkaHop.PUBLISHED)) == 0);

        Map<String, ConsumerRecord<String, byte[]>> byPlace = new HashMap<>();
        Map<String, List<Long>> seqsByMeter = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readTopic()) {
            byPlace.put(KafkaHop.detail(record.topic(), record.partition(), record.offset()), record);
            seqsByMeter.computeIfAbsent(record.key(), meter -> new ArrayList<>()).add(Long.parseLong(header(record, FleetRecord.SEQ)));
        }
        for (long position = 1; position <= ledger.size(); position++) {
            LedgerEntry entry = ledger.at(position).orElseThrow();
            HopState published = ledger.hops().state(position, KafkaHop.NAME).orElseThrow();
            assertThat(published.state()).isEqualTo(KafkaHop.PUBLISHED);
            ConsumerRecord<String, byte[]> record = byPlace.get(published.detail());
            assertThat(record).as("the record at " + published.detail()).isNotNull();
            assertThat(record.key()).isEqualTo(entry.meter());
            assertThat(record.value()).isEqualTo(entry.document().bytes());
            assertThat(header(record, FleetRecord.GATEWAY)).isEqualTo("gateway-7");
            assertThat(header(record, FleetRecord.METER)).isEqualTo(entry.meter());
            assertThat(header(record, FleetRecord.SEQ)).isEqualTo(String.valueOf(entry.seq()));
            assertThat(header(record, FleetRecord.SHA256)).isEqualTo(entry.document().sha256Hex());
        }
        // The outbox delivers at least once (a reading can go out again before its hop state is read back):
        // the first delivery of each reading is in its meter's order, and the service drops the repeats.
        seqsByMeter.values().forEach(seqs -> assertThat(seqs.stream().distinct().toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(0, seqs.stream().mapToLong(Long::longValue).max().orElseThrow()).boxed().toList()));
        assertThat(seqsByMeter).hasSize(4);
    }

    @Test
    void aResultsRecordWithAForgedReadingRecordsItsOtherReadingsAndTheForgedOneAsADeadLetterAndTheRouteGoesOnSkippingOtherGateways()
            throws Exception {
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(dir.resolve("data").toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.size() >= 6);
        List<LedgerEntry> entries = ledger.after(0, 6);
        MerkleTree tree = MerkleTree.ofLeafInputs(entries.stream().map(entry -> entry.document().sha256()).toList());
        ResultsRecord.Batch batch = new ResultsRecord.Batch(TOPIC, 0, 1, tree.size(), tree.root(), "bafkreimanifest");
        List<ResultsRecord.Result> readings = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            readings.add(new ResultsRecord.Result(entry.meter(), entry.seq(), entry.document().sha256(), i, tree.inclusionPath(i)));
        }
        List<ResultsRecord.Result> withForged = new ArrayList<>(readings.subList(0, 3));
        withForged.set(1, new ResultsRecord.Result(readings.get(1).meter(), readings.get(1).seq(), readings.get(1).sha256(), 1,
                readings.get(2).path()));

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(results("gateway-7", new ResultsRecord("gateway-7", batch, ANCHOR, 0, 2, withForged))).get();
            // the forged reading's honest result, but another gateway's record: skipped
            producer.send(results("gateway-8", new ResultsRecord("gateway-7", batch, ANCHOR, 0, 1, readings.subList(1, 2)))).get();
            producer.send(results("gateway-7", new ResultsRecord("gateway-7", batch, ANCHOR, 1, 2, readings.subList(3, 6)))).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> entries.stream()
                .filter(entry -> ledger.hops().state(entry.position(), FleetResults.HOP).isPresent()).count() == 5);
        assertThat(ledger.hops().state(entries.get(1).position(), FleetResults.HOP)).isEmpty();
        assertThat(ledger.deadLetters().list(100)).filteredOn(letter -> letter.source().equals("kafka:" + RESULTS)).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("batch 1 of " + TOPIC + "-0: reading " + readings.get(1)
                        + " (SHA-256 " + entries.get(1).document().sha256Hex() + ") refused"));
    }

    private static ProducerRecord<String, byte[]> results(String gateway, ResultsRecord results) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(RESULTS, gateway, results.json());
        record.headers().add(FleetRecord.GATEWAY, gateway.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> readTopic() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
            return records;
        }
    }
}
