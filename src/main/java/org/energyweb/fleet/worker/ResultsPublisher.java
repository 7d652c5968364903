package org.energyweb.fleet.worker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.fleet.proof.ServiceProofs;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.PartitionClaim;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.MerkleTree;
import org.energyweb.proof.ProofJson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Tells the gateways what was anchored: for every reading of an anchored batch, one record on the
 * results topic whose value is the reading's inclusion proof (the JSON of {@code energyweb prove}:
 * document, leaf index, path, root, chain, contract, transaction and block), keyed by the gateway
 * and with the reading's identity and its batch's manifest CID as headers ({@link FleetRecord}). The batch is marked published
 * once the broker acknowledged all of them; a crash before that publishes the batch again, which a
 * gateway records once (at least once here, idempotent there).
 */
final class ResultsPublisher implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    ResultsPublisher(String brokers, String topic, Map<String, String> kafkaProperties) {
        this.topic = topic;
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
        List<BatchChainStore.Leaf> leaves = store.leaves(batch.id());
        MerkleTree tree = ServiceProofs.tree(batch, leaves);
        Anchor anchor = ServiceProofs.anchor(batch);
        List<Future<RecordMetadata>> sent = new ArrayList<>(leaves.size());
        for (BatchChainStore.Leaf leaf : leaves) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, leaf.gateway(),
                    ProofJson.write(ServiceProofs.prove(tree, leaf, anchor)).getBytes(StandardCharsets.UTF_8));
            record.headers().add(FleetRecord.GATEWAY, text(leaf.gateway()));
            record.headers().add(FleetRecord.METER, text(leaf.meter()));
            record.headers().add(FleetRecord.SEQ, text(String.valueOf(leaf.seq())));
            record.headers().add(FleetRecord.SHA256, text(leaf.sha256()));
            record.headers().add(FleetRecord.MANIFEST, text(batch.manifestCid()));
            sent.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> acknowledged : sent) {
            await(acknowledged);
        }
        store.published(claim, batch.id());
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
