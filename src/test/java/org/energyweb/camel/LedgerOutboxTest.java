package org.energyweb.camel;

import org.apache.camel.builder.RouteBuilder;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.ledger.camel.LedgerConstants;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ledger:outbox hands each pending reading to a hop in ledger order and records what the hop did. */
class LedgerOutboxTest extends KameletTestSupport {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    private final List<Long> delivered = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(3);

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private Ledger ledger() {
        return context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
    }

    private void startOutbox() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ledger:outbox?hop=test&dataDir=" + data + "&delay=20&retryDelay=50&maxRetryDelay=100")
                        .process(exchange -> {
                            long position = exchange.getMessage().getHeader(LedgerConstants.POSITION, Long.class);
                            if (position == 2 && failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("remote unreachable");
                            }
                            synchronized (delivered) {
                                delivered.add(position);
                            }
                            exchange.getMessage().setHeader(LedgerConstants.HOP_DETAIL, "stored:" + position);
                        });
            }
        });
        context.start();
    }

    @Test
    void anAsynchronousHopGetsSeveralReadingsInFlightAndEachIsRecordedOnce() throws Exception {
        context.start();
        for (int i = 0; i < 12; i++) {
            ledger().appendAndWait(Measurement.of("o2", T0.plusSeconds(i), i, "test"));
        }
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ledger:outbox?hop=async&dataDir=" + data + "&delay=20&maxInFlight=4")
                        .process(exchange -> peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max))
                        .delay(100).asyncDelayed()
                        .process(exchange -> concurrent.decrementAndGet());
            }
        });
        await().until(() -> ledger().hops().countByState("async").getOrDefault("done", 0L) == 12);
        assertThat(peak.get()).isBetween(2, 4);
    }

    @Test
    void pendingReadingsAreDeliveredInLedgerOrderOnceEachDespiteFailures() throws Exception {
        context.start();
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(ledger().appendAndWait(Measurement.of("o1", T0.plusSeconds(i), i, "test")));
        }
        startOutbox();
        await().until(() -> {
            synchronized (delivered) {
                return delivered.size() == 5;
            }
        });
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(failuresLeft.get()).isNegative();
        assertThat(ledger().hops().state(3, "test")).get().extracting(HopState::state, HopState::detail)
                .containsExactly("done", "stored:3");

        ledger().appendAndWait(Measurement.of("o1", T0.plusSeconds(9), 9, "test"));
        await().until(() -> {
            synchronized (delivered) {
                return delivered.size() == 6;
            }
        });
        Thread.sleep(200);
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aReadingThatFinishesWhileTheNextPollIsUnderWayIsNotEmittedAgain() throws Exception {
        context.start();
        int readings = 3000;
        List<java.util.concurrent.CompletableFuture<LedgerEntry>> appended = new ArrayList<>();
        for (int i = 0; i < readings; i++) {
            appended.add(ledger().append(Measurement.of("o3-" + i % 10, T0.plusSeconds(i), i, "test")));
        }
        appended.forEach(java.util.concurrent.CompletableFuture::join);
        java.util.Map<Long, AtomicInteger> emitted = new java.util.concurrent.ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // many in flight, each finishing on another thread at its own time, as the kafka hop's acknowledgements do
                from("ledger:outbox?hop=burst&dataDir=" + data + "&delay=1&batchSize=1000&maxInFlight=1000")
                        .process(exchange -> emitted.computeIfAbsent(exchange.getMessage().getHeader(LedgerConstants.POSITION, Long.class),
                                position -> new AtomicInteger()).incrementAndGet())
                        .delay().simple("${random(0,5)}").asyncDelayed();
            }
        });

        await().until(() -> ledger().hops().countByState("burst").getOrDefault("done", 0L) == readings);

        assertThat(emitted).hasSize(readings);
        assertThat(emitted.entrySet()).filteredOn(entry -> entry.getValue().get() != 1).isEmpty();
    }
}
