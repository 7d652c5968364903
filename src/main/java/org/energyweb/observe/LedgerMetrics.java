package org.energyweb.observe;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's figures as Micrometer meters, read from the ledger itself so they always agree
 * with {@code energyweb status}: readings per meter from the committed chain heads (live), the
 * hops' states, backlogs and oldest pending ages, dead letters and batches from a status snapshot
 * taken every {@code refresh} (a scrape never queries the database), and the append latency timed
 * on the ledger's writer. Meters, hops and states that appear later get their series when the
 * snapshot first shows them.
 */
public final class LedgerMetrics implements MeterBinder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerMetrics.class);

    private final Ledger ledger;
    private final Duration refresh;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile LedgerStatus status;
    private volatile Map<String, Long> batches = Map.of();
    private DistributionSummary batchSize;
    /** The newest batch whose size {@link #batchSize} has; batches are formed with rising ids. */
    private long lastSizedBatch;
    private ScheduledExecutorService refresher;
    private MeterRegistry registry;
    /** Unregisters the append timing from the ledger; replaced on each bind, so one registry times appends. */
    private volatile Runnable stopTiming = () -> { };
    private final List<Consumer<String>> meterListeners = new CopyOnWriteArrayList<>();

    public LedgerMetrics(Ledger ledger, Duration refresh) {
        this.ledger = ledger;
        this.refresh = refresh;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Timer append = Timer.builder("energyweb.ledger.append").description("From append to commit of a reading")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        stopTiming.run();
        stopTiming = ledger.onCommittedAppends(appends -> appends.forEach(a -> append.record(a.nanos(), TimeUnit.NANOSECONDS)));
        Gauge.builder("energyweb.dead.letters", this, m -> m.status == null ? Double.NaN : m.status.deadLetters())
                .description("Dead letters in the store").register(registry);
        Gauge.builder("energyweb.chain.in.flight", this, LedgerMetrics::inFlight)
                .description("Readings whose anchoring transaction is sent but not final").register(registry);
        batchSize = DistributionSummary.builder("energyweb.batch.size").baseUnit("readings")
                .description("Readings per Merkle batch, each batch of the ledger once").publishPercentileHistogram()
                .minimumExpectedValue(1.0).maximumExpectedValue(100_000.0).register(registry);
        refreshNow();
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "energyweb-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshNow, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshNow() {
        try {
            status = LedgerStatus.read(ledger.dataDir());
            batches = ledger.batches().countByState();
            sizeNewBatches();
            registerNewSeries();
        } catch (RuntimeException e) {
            // The next refresh tries again; the gauges keep the last snapshot meanwhile.
            LOG.debug("metrics snapshot of {} failed: {}", ledger.dataDir(), e.getMessage());
        }
    }

    private void sizeNewBatches() {
        List<long[]> formed;
        do {
            formed = ledger.batches().sizesAfter(lastSizedBatch, 10_000);
            for (long[] batch : formed) {
                batchSize.record(batch[1]);
                lastSizedBatch = batch[0];
            }
        } while (!formed.isEmpty());
    }

    private synchronized void registerNewSeries() {
        LedgerStatus now = status;
        for (String meter : ledger.heads().keySet()) {
            if (registered.add("meter:" + meter)) {
                meterListeners.forEach(listener -> listener.accept(meter));
                FunctionCounter.builder("energyweb.readings", ledger, l -> l.head(meter).map(head -> head.seq() + 1.0).orElse(0.0))
                        .description("Readings ledgered (committed) per meter").tag("meter", meter).register(registry);
            }
        }
        for (Map.Entry<String, Map<String, Long>> hop : now.total().hops().entrySet()) {
            String name = hop.getKey();
            if (registered.add("hop:" + name)) {
                Gauge.builder("energyweb.hop.backlog", this, m -> m.stateCount(name, LedgerStatus.PENDING))
                        .description("Readings not yet handled by a hop").tag("hop", name).register(registry);
                Gauge.builder("energyweb.hop.oldest.pending", this, m -> m.oldestPendingSeconds(name)).baseUnit("seconds")
                        .description("Age of the reading waiting longest for a hop (0 when none waits)").tag("hop", name).register(registry);
            }
        }
        for (String state : now.total().hops().getOrDefault(ChainHop.HOP, Map.of()).keySet()) {
            if (!state.equals(LedgerStatus.PENDING) && registered.add("tx:" + state)) {
                FunctionCounter.builder("energyweb.chain.transactions", this, m -> m.stateCount(ChainHop.HOP, state))
                        .description("Anchoring transactions (one per reading, Origin mode) by state").tag("state", state).register(registry);
            }
        }
        for (String state : batches.keySet()) {
            if (registered.add("batch:" + state)) {
                FunctionCounter.builder("energyweb.batches", this, m -> m.batches.getOrDefault(state, 0L))
                        .description("Merkle batches by state").tag("state", state).register(registry);
            }
        }
    }

    /** The latest status snapshot; null before the first one. */
    LedgerStatus snapshot() {
        return status;
    }

    /** Hands {@code listener} every meter the ledger has, now and as each new one first shows. */
    synchronized void forEachMeter(Consumer<String> listener) {
        registered.stream().filter(key -> key.startsWith("meter:")).map(key -> key.substring("meter:".length())).forEach(listener);
        meterListeners.add(listener);
    }

    private double stateCount(String hop, String state) {
        LedgerStatus now = status;
        return now == null ? Double.NaN : now.total().hops().getOrDefault(hop, Map.of()).getOrDefault(state, 0L);
    }

    private double oldestPendingSeconds(String hop) {
        LedgerStatus now = status;
        if (now == null) {
            return Double.NaN;
        }
        LedgerStatus.OldestPending oldest = now.oldestPending().get(hop);
        return oldest == null ? 0 : oldest.age(now.time()).toMillis() / 1000.0;
    }

    private double inFlight() {
        return ChainHop.IN_FLIGHT.stream().mapToDouble(state -> {
            double count = stateCount(ChainHop.HOP, state);
            return Double.isNaN(count) ? 0 : count;
        }).sum();
    }

    @Override
    public void close() {
        stopTiming.run();
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
