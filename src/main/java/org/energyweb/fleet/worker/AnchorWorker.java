package org.energyweb.fleet.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * One anchoring worker of the consumer group, running the anchor service's route set ({@link #ROUTES})
 * with the given properties in its own Camel context (so one JVM may hold several): reads its partitions of the readings topic, checks every record and stores
 * the outcome with the consumed offset in one PostgreSQL transaction, then forms Merkle batches of the
 * accepted readings and anchors them on chain ({@link AnchorSteps}, {@link ChainAnchoring}). Offsets live
 * in the database, not in Kafka: when a partition is assigned the worker claims it (a new epoch) and
 * seeks to the stored offset, so a crash or a rebalance resumes exactly after the last stored record. A
 * worker that lost a partition while it was paused finds its epoch stale at its next write, writes
 * nothing and stops reading it.
 */
public final class AnchorWorker implements Runnable, AutoCloseable {

    /** The route set this worker runs, shipped in the jar. */
    public static final String ROUTES = "classpath:routes/fleet/anchor-service.camel.yaml";

    private final Properties settings;
    private final MeterRegistry metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile CamelContext context;

    /** @param settings the route set's {@code energyweb.anchor.*} properties (see the set's header) */
    public AnchorWorker(Properties settings) {
        // A composite of no registries keeps no values.
        this(settings, new CompositeMeterRegistry());
    }

    /** @param metrics where the gas of the worker's anchor transactions is counted */
    public AnchorWorker(Properties settings, MeterRegistry metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Runs the route set until {@link #close()}; the worker then leaves the group, so its partitions go to the others at once. */
    @Override
    public void run() {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().setInitialProperties(settings);
            camel.getRegistry().bind("metricsRegistry", MeterRegistry.class, metrics);
            camel.getShutdownStrategy().setTimeout(10);
            PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel).resolveResource(ROUTES));
            camel.start();
            context = camel;
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("anchor service " + settings.getProperty("energyweb.anchor.workerId") + ": " + e.getMessage(), e);
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
}
