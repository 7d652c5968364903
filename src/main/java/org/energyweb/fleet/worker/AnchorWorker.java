package org.energyweb.fleet.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.fleet.service.InboundReading;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.FencedException;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.fleet.store.PartitionClaim;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One anchoring worker of the consumer group: reads its partitions of the readings topic, checks
 * every record and stores the outcome with the consumed offset in one PostgreSQL transaction, then
 * forms Merkle batches of the accepted readings and anchors them on chain ({@link ChainAnchoring}). Offsets live in the database, not in Kafka: when a
 * partition is assigned the worker claims it (a new epoch) and seeks to the stored offset, so a crash
 * or a rebalance resumes exactly after the last stored record. A worker that lost a partition while
 * it was paused finds its epoch stale at its next write, writes nothing and stops reading it.
 */
public final class AnchorWorker implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnchorWorker.class);

    /**
     * @param sessionTimeout how long the group waits for a silent worker before it gives its partitions to another
     * @param batchSize      accepted readings that make a Merkle batch at once
     * @param batchInterval  the longest an accepted reading waits for its batch to fill
     */
    public record Options(String brokers, String topic, String groupId, String workerId, String jdbcUrl,
                          Duration sessionTimeout, int batchSize, Duration batchInterval, Map<String, String> kafkaProperties,
                          Chain chain) {
    }

    /**
     * Where and with which key the batches are anchored.
     *
     * @param rpcUrl         JSON-RPC URL of the chain's node (https unless loopback or {@code allowInsecure})
     * @param credentials    the service's own signing key, shared by its workers (nonces are taken in the database)
     * @param contract       the {@code ReadingAnchor} contract's address
     * @param resendAfter    how long a transaction may stay unmined before it is replaced with higher fees
     * @param resultsTopic   where each anchored reading's proof goes, for its gateway
     * @param ipfs           where each batch's manifest is stored before it is anchored; null: nowhere (its CID still goes on chain)
     */
    public record Chain(String rpcUrl, boolean allowInsecure, Credentials credentials, String contract, Duration resendAfter,
                        String resultsTopic, IpfsClientConfig ipfs) {

        @Override
        public String toString() {
            // the key stays out of logs
            return "Chain[" + rpcUrl + ", contract " + contract + "]";
        }
    }

    private final Options options;
    private final Map<TopicPartition, PartitionClaim> claims = new ConcurrentHashMap<>();
    /** Per owned partition: accepted readings not in a batch yet, and since when the oldest of them waits. */
    private final Map<TopicPartition, Integer> unbatched = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> waitingSince = new ConcurrentHashMap<>();
    /** Per owned partition: the offset after the last record stored, where reading resumes after a failed write. */
    private final Map<TopicPartition, Long> stored = new ConcurrentHashMap<>();
    /** Per owned partition: its meters' chain heads as committed, dropped with the partition. */
    private final Map<TopicPartition, MeterHeads> heads = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private volatile boolean running = true;
    private KafkaConsumer<String, byte[]> consumer;
    private FleetStore store;
    private BatchChainStore chainStore;
    private ChainAnchoring chain;
    private ResultsPublisher results;
    private boolean chainFailing;

    public AnchorWorker(Options options) {
        // A composite of no registries keeps no values.
        this(options, new CompositeMeterRegistry());
    }

    /** @param metrics where the gas of the worker's anchor transactions is counted */
    public AnchorWorker(Options options, MeterRegistry metrics) {
        this.options = options;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        store = new FleetStore(options.jdbcUrl());
        chainStore = store.chainStore();
        if (options.chain() != null) {
            Eth eth = new Eth(JsonRpcClient.connect(options.chain().rpcUrl(), options.chain().allowInsecure(), Duration.ofSeconds(10)));
            chain = ChainAnchoring.start(eth, options.chain().credentials(), options.jdbcUrl(),
                    new ChainAnchoring.Options(options.chain().contract(), options.chain().resendAfter()),
                    options.chain().ipfs() == null ? null : new IpfsClient(options.chain().ipfs()), metrics);
            results = new ResultsPublisher(options.brokers(), options.chain().resultsTopic(), options.kafkaProperties());
        }
        consumer = new KafkaConsumer<>(consumerProperties());
        try {
            consumer.subscribe(List.of(options.topic()), new Claiming());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (TopicPartition partition : records.partitions()) {
                    store(partition, records.records(partition));
                }
                formDueBatches();
                anchor();
            }
        } catch (WakeupException stopping) {
            // close() woke the poll up
        } finally {
            consumer.close(Duration.ofSeconds(5));
            if (chain != null) {
                chain.close();
                results.close();
            }
            store.close();
        }
    }

    /** Ends the loop; the worker leaves the group, so its partitions go to the others at once. */
    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private void store(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
        PartitionClaim claim = claims.get(partition);
        if (claim == null || records.isEmpty()) {
            return;
        }
        PartitionBatch batch;
        long next = records.get(records.size() - 1).offset() + 1;
        try {
            MeterHeads known = heads.computeIfAbsent(partition, owned -> new MeterHeads());
            batch = new PartitionBatch(store, known, store.gateways(), partition.topic(), partition.partition());
            batch.addAll(records.stream().map(AnchorWorker::inbound).toList());
            store.commit(claim, batch.accepted(), batch.refused(), batch.released(), next);
            known.advance(batch.heads());
            stored.put(partition, next);
        } catch (FencedException fenced) {
            lose(partition, fenced);
            return;
        } catch (IllegalStateException databaseFailed) {
            // nothing of the poll was stored (or, when the commit's answer was lost, perhaps all of it):
            // read it again from the last stored offset, against the heads as the database has them
            heads.remove(partition);
            LOG.warn("worker {}: could not store {} ({}); reading it again from offset {}", options.workerId(), partition,
                    databaseFailed.getMessage(), stored.get(partition));
            consumer.seek(partition, stored.get(partition));
            return;
        }
        if (!batch.accepted().isEmpty()) {
            unbatched.merge(partition, batch.accepted().size(), Integer::sum);
            waitingSince.putIfAbsent(partition, System.nanoTime());
        }
        batch.refused().forEach(refused -> LOG.warn("worker {}: {} {}-{}@{}: {}", options.workerId(), refused.held() ? "held" : "dead letter",
                partition.topic(), partition.partition(), refused.in().offset(), refused.reason()));
    }

    /** Forms a batch of each full batchSize of waiting readings, and of what waits once the oldest waited batchInterval. */
    private void formDueBatches() {
        for (Map.Entry<TopicPartition, PartitionClaim> owned : claims.entrySet()) {
            TopicPartition partition = owned.getKey();
            int waiting = unbatched.getOrDefault(partition, 0);
            Long since = waitingSince.get(partition);
            boolean late = since != null && System.nanoTime() - since >= options.batchInterval().toNanos();
            try {
                while (waiting >= options.batchSize() || (late && waiting > 0)) {
                    if (store.formBatch(owned.getValue(), options.batchSize()).isEmpty()) {
                        waiting = 0;
                        break;
                    }
                    waiting = Math.max(0, waiting - options.batchSize());
                    if (chain != null) {
                        chain.changed();
                    }
                }
                unbatched.put(partition, waiting);
                if (waiting == 0) {
                    waitingSince.remove(partition);
                }
            } catch (FencedException fenced) {
                lose(partition, fenced);
            } catch (IllegalStateException databaseFailed) {
                LOG.warn("worker {}: could not form a batch of {} ({}); trying again", options.workerId(), partition, databaseFailed.getMessage());
            }
        }
    }

    /**
     * When anything changed since the last pass (a partition claimed, a batch formed, a transaction
     * ended): hands the owned partitions' open batches to the chain and the anchored ones' results to
     * the gateways, one query each for all partitions. A chain, broker or database failure makes the
     * next pass try again.
     */
    private void anchor() {
        if (chain == null) {
            return;
        }
        chain.fenced().forEach(fenced -> lose(new TopicPartition(fenced.topic(), fenced.partition()), fenced));
        if (!chain.takeDue()) {
            return;
        }
        try {
            List<PartitionClaim> owned = List.copyOf(claims.values());
            chain.submit(chainStore.unanchored(owned), chainStore);
            for (BatchChainStore.Anchored batch : chainStore.anchored(owned)) {
                PartitionClaim claim = claims.get(new TopicPartition(batch.topic(), batch.partition()));
                if (claim != null) {
                    results.publish(claim, batch, chainStore);
                }
            }
            if (chainFailing) {
                chainFailing = false;
                LOG.info("worker {}: anchoring works again", options.workerId());
            }
        } catch (FencedException fenced) {
            lose(new TopicPartition(fenced.topic(), fenced.partition()), fenced);
            chain.changed();
        } catch (RuntimeException e) {
            chain.changed();
            if (!chainFailing) {
                chainFailing = true;
                LOG.warn("worker {}: anchoring failed, retried at every pass: {}", options.workerId(), e.getMessage());
            }
        }
    }

    /** The partition was claimed by another worker: nothing of it is read or written here until it is assigned again. */
    private void lose(TopicPartition partition, FencedException fenced) {
        LOG.warn("worker {}: {}", options.workerId(), fenced.getMessage());
        heads.remove(partition);
        if (claims.remove(partition) != null && chain != null) {
            chain.disown(partition.topic(), partition.partition());
        }
        // a refusal reported after the rebalance that revoked the partition: the consumer no longer has it to pause
        if (consumer.assignment().contains(partition)) {
            consumer.pause(List.of(partition));
        }
    }

    private static InboundReading inbound(ConsumerRecord<String, byte[]> record) {
        return new InboundReading(record.topic(), record.partition(), record.offset(), record.key(),
                header(record, FleetRecord.GATEWAY), header(record, FleetRecord.METER), header(record, FleetRecord.SEQ),
                header(record, FleetRecord.SHA256), record.value());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.brokers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, options.workerId());
        // offsets are stored with the service's state in PostgreSQL, never committed to Kafka
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(options.sessionTimeout().toMillis()));
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(Math.max(100, options.sessionTimeout().toMillis() / 4)));
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.putAll(options.kafkaProperties());
        return properties;
    }

    /** Claims each assigned partition in the database and starts it at the stored offset. */
    private final class Claiming implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                PartitionClaim claim = store.claim(partition.topic(), partition.partition(), options.workerId());
                claims.put(partition, claim);
                // a previous owner may have extended the partition's meters since this worker last held it
                heads.put(partition, new MeterHeads());
                if (chain != null) {
                    chain.own(claim);
                }
                stored.put(partition, claim.nextOffset());
                consumer.seek(partition, claim.nextOffset());
                // the previous owner may have left accepted readings unbatched: batch them at the next pass
                unbatched.put(partition, Integer.MAX_VALUE / 2);
                waitingSince.put(partition, System.nanoTime());
                LOG.info("worker {}: owns {} from offset {} (epoch {})", options.workerId(), partition, claim.nextOffset(), claim.epoch());
            }
            consumer.resume(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(this::release);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(this::release);
        }

        private void release(TopicPartition partition) {
            claims.remove(partition);
            heads.remove(partition);
            if (chain != null) {
                chain.disown(partition.topic(), partition.partition());
            }
        }
    }
}
