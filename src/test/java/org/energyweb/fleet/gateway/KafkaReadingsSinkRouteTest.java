package org.energyweb.fleet.gateway;

import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.peers.KafkaBroker;
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

/** routes/examples/fleet-gateway.camel.yaml against a real KRaft broker: the kafka-readings-sink kamelet fed by the ledger's outbox. */
class KafkaReadingsSinkRouteTest extends KameletTestSupport {

    private static final String TOPIC = "energyweb-readings";
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(dir.resolve("kafka"));
        broker.createTopic(TOPIC, PARTITIONS);
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
