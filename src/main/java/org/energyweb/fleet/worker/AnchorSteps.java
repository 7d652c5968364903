package org.energyweb.fleet.worker;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
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
import org.web3j.crypto.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The anchor service's steps, called by its route set ({@code routes/fleet/anchor-service.camel.yaml}):
 * {@link #store} on the Kafka consumer's thread with each batch of records, {@link #pass} on the timer's
 * thread, and the {@link #subscription()} that claims each assigned partition in PostgreSQL (a new
 * epoch) and seeks it to the stored offset before any record of it is processed. Each thread has its own
 * database session; the claims and counters they share are concurrent maps, changed only conditionally.
 */
public final class AnchorSteps implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnchorSteps.class);
    /** How long a worker whose claim the database could not take waits before it rejoins the group. */
    private static final Duration CLAIM_RETRY = Duration.ofSeconds(1);

    /**
     * The steps' settings, built by {@link AnchorBeans} from the route set's {@code energyweb.anchor.*} properties.
     *
     * @param batchSize      accepted readings that make a Merkle batch at once
     * @param batchInterval  the longest an accepted reading waits for its batch to fill
     * @param chain          where the batches are anchored; null: they are formed and not anchored
     */
    public record Settings(String brokers, String topic, String workerId, String jdbcUrl, int batchSize, Duration batchInterval,
                           Map<String, String> kafkaProperties, Chain chain) {
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

    private final Settings options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<TopicPartition, PartitionClaim> claims = new ConcurrentHashMap<>();
    /** Per owned partition: accepted readings not in a batch yet, and since when the oldest of them waits. */
    private final Map<TopicPartition, Integer> unbatched = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> waitingSince = new ConcurrentHashMap<>();
    /** Per owned partition (consumer thread): the offset after the last record stored; records before it are read again. */
    private final Map<TopicPartition, Long> stored = new ConcurrentHashMap<>();
    /** Per owned partition (consumer thread): its meters' chain heads as committed, dropped with the partition. */
    private final Map<TopicPartition, MeterHeads> heads = new ConcurrentHashMap<>();
    /** The consumer thread's session: claims and stored records. */
    private final FleetStore consumerStore;
    /** The timer thread's session: batches and their way on chain. */
    private final FleetStore passStore;
    private final BatchChainStore chainStore;
    private final ChainAnchoring chain;
    private final ResultsPublisher results;
    /** The current Kafka consumer (a new one after a reconnect); touched on the consumer thread only. */
    private volatile Consumer<?, ?> consumer;
    private boolean chainFailing;

    /** @param metrics where the gas of the worker's anchor transactions is counted */
    public AnchorSteps(Settings options, MeterRegistry metrics) {
        this.options = options;
        consumerStore = new FleetStore(options.jdbcUrl());
        passStore = new FleetStore(options.jdbcUrl());
        chainStore = passStore.chainStore();
        if (options.chain() == null) {
            chain = null;
            results = null;
        } else {
            Chain on = options.chain();
            Eth eth = new Eth(JsonRpcClient.connect(on.rpcUrl(), on.allowInsecure(), Duration.ofSeconds(10)));
            chain = ChainAnchoring.start(eth, on.credentials(), options.jdbcUrl(), new ChainAnchoring.Options(on.contract(), on.resendAfter()),
                    on.ipfs() == null ? null : new IpfsClient(on.ipfs()), metrics);
            results = new ResultsPublisher(options.brokers(), on.resultsTopic(), options.kafkaProperties());
        }
    }

    /**
     * The route's Kafka consumer subscribes through this: each assigned partition of the readings topic is
     * claimed and sought to its stored offset after Camel's own listener ran, so the stored offset wins.
     */
    public SubscribeAdapter subscription() {
        return (consumer, camelListener, topic) -> {
            if (topic.isPattern()) {
                consumer.subscribe(topic.getPattern(), camelListener);
            } else if (!List.copyOf(topic.getTopics()).equals(List.of(options.topic()))) {
                // another kafka: consumer of the same context subscribes as camel-kafka's default does
                consumer.subscribe(topic.getTopics(), camelListener);
            } else {
                Consumer<?, ?> previous = this.consumer;
                // camel-kafka 4.17 reconnects with a new consumer and only unsubscribes the old one (it left the group)
                if (previous != null && previous != consumer) {
                    try {
                        previous.close(Duration.ofSeconds(1));
                    } catch (RuntimeException e) {
                        LOG.debug("worker {}: closing the consumer replaced on reconnect: {}", options.workerId(), e.getMessage());
                    }
                }
                this.consumer = consumer;
                consumer.subscribe(topic.getTopics(), new Claiming(camelListener));
            }
        };
    }

    /**
     * Checks and stores one batch of records (the Kafka consumer's thread): per partition, in one
     * transaction with the offset after its last record. Records of a partition before its stored
     * offset (read again after a rebalance) are skipped; records of a revoked partition are dropped.
     */
    public void store(List<Exchange> records) {
        Map<TopicPartition, TreeMap<Long, InboundReading>> byPartition = new LinkedHashMap<>();
        for (Exchange record : records) {
            InboundReading in = inbound(record.getMessage());
            byPartition.computeIfAbsent(new TopicPartition(in.topic(), in.partition()), p -> new TreeMap<>()).put(in.offset(), in);
        }
        byPartition.forEach((partition, inbound) -> {
            PartitionClaim claim = claims.get(partition);
            if (claim == null && consumer.assignment().contains(partition)) {
                throw rejoin(partition, "it is claimed by another worker");
            }
            if (claim == null) {
                // read before the rebalance that revoked the partition: its records are its next owner's
                return;
            }
            List<InboundReading> fresh = new ArrayList<>(inbound.tailMap(stored.get(partition), true).values());
            if (!fresh.isEmpty()) {
                store(partition, claim, fresh);
            }
        });
    }

    private void store(TopicPartition partition, PartitionClaim claim, List<InboundReading> records) {
        PartitionBatch batch;
        long next = records.get(records.size() - 1).offset() + 1;
        try {
            MeterHeads known = heads.computeIfAbsent(partition, owned -> new MeterHeads());
            batch = new PartitionBatch(consumerStore, known, consumerStore.gateways(), partition.topic(), partition.partition());
            batch.addAll(records);
            consumerStore.commit(claim, batch.accepted(), batch.refused(), batch.released(), next);
            known.advance(batch.heads());
            stored.put(partition, next);
        } catch (FencedException fenced) {
            lose(partition, fenced);
            if (!claims.containsKey(partition)) {
                heads.remove(partition);
                throw rejoin(partition, fenced.getMessage());
            }
            return;
        } catch (RuntimeException databaseFailed) {
            // Nothing of the batch was stored (or, when the commit's answer was lost, perhaps all of it). A seek back
            // would not do: camel-kafka may already hold records fetched after the batch, and would hand them on
            // after the seek. The route reconnects the consumer instead (breakOnFirstError), which drops them, and
            // the claim seeks to the offset the database holds; the heads are read again as it has them.
            heads.remove(partition);
            throw new IllegalStateException("worker " + options.workerId() + ": could not store " + partition + " ("
                    + databaseFailed.getMessage() + "); reconnecting, to read it again from the stored offset", databaseFailed);
        }
        if (!batch.accepted().isEmpty()) {
            unbatched.merge(partition, batch.accepted().size(), Integer::sum);
            waitingSince.putIfAbsent(partition, System.nanoTime());
        }
        batch.refused().forEach(refused -> LOG.warn("worker {}: {} {}-{}@{}: {}", options.workerId(), refused.held() ? "held" : "dead letter",
                partition.topic(), partition.partition(), refused.in().offset(), refused.reason()));
    }

    /** One pass (the timer's thread): forms the due batches, then anchors and publishes what changed. */
    public void pass() {
        formDueBatches();
        anchor();
    }

    /** Forms a batch of each full batchSize of waiting readings, and of what waits once the oldest waited batchInterval. */
    private void formDueBatches() {
        for (Map.Entry<TopicPartition, PartitionClaim> owned : claims.entrySet()) {
            TopicPartition partition = owned.getKey();
            int seen = unbatched.getOrDefault(partition, 0);
            Long since = waitingSince.get(partition);
            boolean late = since != null && System.nanoTime() - since >= options.batchInterval().toNanos();
            int waiting = seen;
            try {
                while (waiting >= options.batchSize() || (late && waiting > 0)) {
                    if (passStore.formBatch(owned.getValue(), options.batchSize()).isEmpty()) {
                        waiting = 0;
                        break;
                    }
                    waiting = Math.max(0, waiting - options.batchSize());
                    if (chain != null) {
                        chain.changed();
                    }
                }
            } catch (FencedException fenced) {
                lose(partition, fenced);
                continue;
            } catch (IllegalStateException databaseFailed) {
                LOG.warn("worker {}: could not form a batch of {} ({}); trying again", options.workerId(), partition, databaseFailed.getMessage());
                continue;
            }
            // readings the consumer thread stored meanwhile still count; a claim's recount (readings a previous owner left) is kept
            int batched = seen - waiting;
            Integer left = batched == 0 ? null : unbatched.computeIfPresent(partition, (p, count) -> Math.max(0, count - batched));
            if (left != null && left == 0) {
                waitingSince.remove(partition);
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

    /**
     * The partition was claimed by another worker: nothing of it is written here until it is assigned
     * again. A refusal of a claim the consumer thread has since replaced with a newer one of its own (the
     * timer's pass still held the old one) drops nothing.
     */
    private void lose(TopicPartition partition, FencedException fenced) {
        PartitionClaim current = claims.get(partition);
        if (current != null && fenced.predates(current)) {
            if (chain != null) {
                chain.changed();
            }
            return;
        }
        LOG.warn("worker {}: {}", options.workerId(), fenced.getMessage());
        if (current != null && claims.remove(partition, current) && chain != null) {
            chain.disown(partition.topic(), partition.partition());
        }
    }

    /**
     * A partition still assigned to this worker was claimed by another: the group is joined again (the route
     * reconnects the consumer, breakOnFirstError), so it is read only if assigned again, from the offset
     * stored then. Neither pausing nor skipping would do: camel-kafka may hold records of it fetched past
     * the ones dropped, and would hand them on once the partition is claimed again.
     */
    private IllegalStateException rejoin(TopicPartition partition, String why) {
        return new IllegalStateException("worker " + options.workerId() + ": lost " + partition + " (" + why + "); rejoining the group");
    }

    private static InboundReading inbound(Message record) {
        Headers headers = record.getHeader(KafkaConstants.HEADERS, Headers.class);
        return new InboundReading(record.getHeader(KafkaConstants.TOPIC, String.class), record.getHeader(KafkaConstants.PARTITION, Integer.class),
                record.getHeader(KafkaConstants.OFFSET, Long.class), record.getHeader(KafkaConstants.KEY, String.class),
                header(headers, FleetRecord.GATEWAY), header(headers, FleetRecord.METER), header(headers, FleetRecord.SEQ),
                header(headers, FleetRecord.SHA256), record.getBody(byte[].class));
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // the context that built the steps closes them, and so may a host that bound them
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (chain != null) {
            chain.close();
            results.close();
        }
        passStore.close();
        consumerStore.close();
    }

    /** Camel's listener first (it may seek by its own policy), then the claims, whose seeks win. */
    private final class Claiming implements ConsumerRebalanceListener {

        private final ConsumerRebalanceListener camel;

        Claiming(ConsumerRebalanceListener camel) {
            this.camel = camel;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            camel.onPartitionsAssigned(partitions);
            for (TopicPartition partition : partitions) {
                PartitionClaim claim;
                try {
                    claim = consumerStore.claim(partition.topic(), partition.partition(), options.workerId());
                } catch (RuntimeException databaseFailed) {
                    // unclaimed partitions are not read; the poll fails and the route reconnects, which claims them
                    // again: not at once, as every reconnect makes the whole group rebalance
                    consumer.pause(partitions.stream().filter(p -> !claims.containsKey(p)).toList());
                    try {
                        Thread.sleep(CLAIM_RETRY.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw databaseFailed;
                }
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
            camel.onPartitionsRevoked(partitions);
            partitions.forEach(this::release);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            camel.onPartitionsLost(partitions);
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
