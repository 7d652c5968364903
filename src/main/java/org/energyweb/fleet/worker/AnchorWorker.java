package org.energyweb.fleet.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.web3j.crypto.Credentials;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * One anchoring worker of the consumer group, running the anchor service's route set ({@link #ROUTES})
 * in its own Camel context: reads its partitions of the readings topic, checks every record and stores
 * the outcome with the consumed offset in one PostgreSQL transaction, then forms Merkle batches of the
 * accepted readings and anchors them on chain ({@link AnchorSteps}, {@link ChainAnchoring}). Offsets live
 * in the database, not in Kafka: when a partition is assigned the worker claims it (a new epoch) and
 * seeks to the stored offset, so a crash or a rebalance resumes exactly after the last stored record. A
 * worker that lost a partition while it was paused finds its epoch stale at its next write, writes
 * nothing and stops reading it.
 */
public final class AnchorWorker implements Runnable, AutoCloseable {

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

    /** The route set this worker runs, shipped in the jar. */
    public static final String ROUTES = "classpath:routes/fleet/anchor-service.camel.yaml";

    private final Options options;
    private final MeterRegistry metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile CamelContext context;

    public AnchorWorker(Options options) {
        // A composite of no registries keeps no values.
        this(options, new CompositeMeterRegistry());
    }

    /** @param metrics where the gas of the worker's anchor transactions is counted */
    public AnchorWorker(Options options, MeterRegistry metrics) {
        this.options = options;
        this.metrics = metrics;
    }

    /** Runs the route set until {@link #close()}; the worker then leaves the group, so its partitions go to the others at once. */
    @Override
    public void run() {
        try (AnchorSteps steps = new AnchorSteps(options, metrics); CamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().setInitialProperties(properties());
            camel.getRegistry().bind("anchorSteps", steps);
            camel.getRegistry().bind("subscribeAdapter", SubscribeAdapter.class, steps.subscription());
            // client settings of a remote cluster (TLS, SASL credentials) stay out of the endpoint's URI
            camel.getComponent("kafka", KafkaComponent.class).getConfiguration().setAdditionalProperties(new HashMap<>(options.kafkaProperties()));
            camel.getShutdownStrategy().setTimeout(10);
            PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel).resolveResource(ROUTES));
            camel.start();
            context = camel;
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("anchor service " + options.workerId() + ": " + e.getMessage(), e);
        } finally {
            context = null;
        }
    }

    /** The running route set's context (null before it started and after it stopped). */
    public CamelContext camelContext() {
        return context;
    }

    /** Ends {@link #run()}, which stops the routes. */
    @Override
    public void close() {
        stopped.countDown();
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("energyweb.anchor.brokers", options.brokers());
        properties.setProperty("energyweb.anchor.topic", options.topic());
        properties.setProperty("energyweb.anchor.group", options.groupId());
        properties.setProperty("energyweb.anchor.workerId", options.workerId());
        properties.setProperty("energyweb.anchor.sessionTimeoutMs", String.valueOf(options.sessionTimeout().toMillis()));
        properties.setProperty("energyweb.anchor.heartbeatIntervalMs", String.valueOf(Math.max(100, options.sessionTimeout().toMillis() / 4)));
        return properties;
    }
}
