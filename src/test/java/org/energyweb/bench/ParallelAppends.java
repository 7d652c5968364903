package org.energyweb.bench;

import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.reading.Measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/** Benchmarks' load: two producer threads (as on this 2-core machine), each keeping a window of appends in flight. */
public final class ParallelAppends {

    /** Appends a producer keeps in flight, like a gateway with many meters being polled at once. */
    private static final int IN_FLIGHT = 20_000;

    private ParallelAppends() {
    }

    /** Appends {@code reading(i)} for i in [0, total) and returns once every append has committed. */
    public static void appendAll(Ledger ledger, int total, IntFunction<Measurement> reading) throws InterruptedException {
        List<Thread> producers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int p = 0; p < 2; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                List<CompletableFuture<LedgerEntry>> window = new ArrayList<>(IN_FLIGHT);
                for (int i = producer; i < total; i += 2) {
                    window.add(ledger.append(reading.apply(i)));
                    if (window.size() == IN_FLIGHT) {
                        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
                        window.clear();
                    }
                }
                CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
            });
            // A refused append ends its producer early: the run must fail, not report the shorter time as a rate.
            thread.setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
            producers.add(thread);
            thread.start();
        }
        for (Thread thread : producers) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an append failed: " + failure.get().getMessage(), failure.get());
        }
    }
}
