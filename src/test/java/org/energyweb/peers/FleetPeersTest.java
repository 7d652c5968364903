package org.energyweb.peers;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet's two engines as the tests start them: a KRaft Kafka broker in a child JVM and a
 * PostgreSQL server from the system's binaries, both on free loopback ports, both restartable
 * with their data.
 */
class FleetPeersTest {

    @TempDir
    static Path kafkaHome;
    private static FleetEngines engines;
    private static KafkaBroker broker;
    private static PostgresServer postgres;

    @BeforeAll
    static void startPeers() {
        engines = FleetEngines.start(kafkaHome);
        broker = engines.broker;
        postgres = engines.postgres;
    }

    @AfterAll
    static void stopPeers() {
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void recordsReadFromTheBrokerAndTheirOffsetKeptInPostgresSurviveRestartsOfBoth() throws Exception {
        broker.createTopic("peers", 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("peers", "meter-1", "reading " + i)).get();
            }
        }
        List<String> read = readAll();
        assertThat(read).containsExactly("reading 0", "reading 1", "reading 2");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE consumed (topic text, partition int, next_offset bigint)");
            statement.execute("INSERT INTO consumed VALUES ('peers', 0, " + read.size() + ")");
        }

        broker.stop();
        postgres.stop();
        broker.start();
        postgres.start();

        assertThat(readAll()).containsExactly("reading 0", "reading 1", "reading 2");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT next_offset FROM consumed WHERE topic = 'peers' AND partition = 0")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).isEqualTo(3);
        }
    }

    private static List<String> readAll() {
        TopicPartition partition = new TopicPartition("peers", 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
