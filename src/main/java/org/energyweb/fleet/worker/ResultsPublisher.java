package org.energyweb.fleet.worker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.fleet.ResultsRecord;
import org.energyweb.fleet.proof.ServiceProofs;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.PartitionClaim;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.MerkleTree;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Tells the gateways what was anchored: for every gateway with readings in an anchored batch, records on the
 * results topic ({@link ResultsRecord}: the batch, its anchor and per reading its identity, leaf index and audit
 * path, {@code maxReadings} readings at most per record), keyed by the gateway and with the gateway and the batch's
 * manifest CID as headers ({@link FleetRecord}). The batch is marked published once the broker acknowledged all of
 * them; a crash before that publishes the batch again, which a gateway records once (at least once here,
 * idempotent there).
 */
final class ResultsPublisher implements AutoCloseable {

    private final String topic;
    private final int maxReadings;
    private final KafkaProducer<String, byte[]> producer;

    ResultsPublisher(String brokers, String topic, Map<String, String> kafkaProperties) {
        this(brokers, topic, kafkaProperties, ResultsRecord.MAX_READINGS);
    }

    ResultsPublisher(String brokers, String topic, Map<String, String> kafkaProperties, int maxReadings) {
        this.topic = topic;
        this.maxReadings = maxReadings;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.putAll(kafkaProperties);
        this.producer = new KafkaProducer<>(properties);
    }

    /** Publishes the results of an anchored batch of the claimed partition, then marks it published (fenced). */
    void publish(PartitionClaim claim, BatchChainStore.Anchored batch, BatchChainStore store) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ResultsRecord results : records(batch, store.leaves(batch.id()), maxReadings)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, results.gateway(), results.json());
            record.headers().add(FleetRecord.GATEWAY, text(results.gateway()));
            record.headers().add(FleetRecord.MANIFEST, text(batch.manifestCid()));
            sent.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> acknowledged : sent) {
            await(acknowledged);
        }
        store.published(claim, batch.id());
    }

    /** The results of an anchored batch: per gateway, in the order its readings first appear, its readings in leaf order. */
    static List<ResultsRecord> records(BatchChainStore.Anchored batch, List<BatchChainStore.Leaf> leaves, int maxReadings) {
        MerkleTree tree = ServiceProofs.tree(batch, leaves);
        Map<String, List<ResultsRecord.Result>> byGateway = new LinkedHashMap<>();
        HexFormat hex = HexFormat.of();
        for (BatchChainStore.Leaf leaf : leaves) {
            byGateway.computeIfAbsent(leaf.gateway(), gateway -> new ArrayList<>()).add(new ResultsRecord.Result(leaf.meter(), leaf.seq(),
                    hex.parseHex(leaf.sha256()), leaf.index(), tree.inclusionPath(leaf.index())));
        }
        ResultsRecord.Batch anchored = new ResultsRecord.Batch(batch.topic(), batch.partition(), batch.id(), tree.size(), batch.root(),
                batch.manifestCid());
        Anchor anchor = ServiceProofs.anchor(batch);
        List<ResultsRecord> records = new ArrayList<>();
        byGateway.forEach((gateway, readings) -> records.addAll(ResultsRecord.chunked(gateway, anchored, anchor, readings, maxReadings)));
        return records;
    }

    private static void await(Future<RecordMetadata> acknowledged) {
        try {
            acknowledged.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the results topic did not take a record: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing results", e);
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
