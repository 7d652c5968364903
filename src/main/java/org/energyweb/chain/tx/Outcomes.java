package org.energyweb.chain.tx;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The pipeline's flights by key and how each one ends. Results are completed on a thread of their
 * own, never on the sender's, the tracker's or the ledger writer's, so a caller's continuation
 * cannot hold any of them up.
 */
final class Outcomes {

    private final TransactionJournal journal;
    private final Map<Long, Flight> flights = new ConcurrentHashMap<>();
    private final ExecutorService completer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "energyweb-chain-results");
        thread.setDaemon(true);
        return thread;
    });

    Outcomes(TransactionJournal journal) {
        this.journal = journal;
    }

    /** Takes {@code flight} on, or returns the flight already on its way for the same key. */
    Flight putIfAbsent(Flight flight) {
        return flights.putIfAbsent(flight.key, flight);
    }

    Flight get(long key) {
        return flights.get(key);
    }

    int size() {
        return flights.size();
    }

    /**
     * The key will not be anchored: recorded in the journal, then its result fails. Never called
     * between taking a nonce and a transaction using it on chain (a refused estimate or gas cap comes
     * before allocation, a revert after mining), so giving up leaves no nonce gap.
     */
    void reject(Flight flight, String reason) {
        try {
            journal.rejected(flight.key, flight.call.to(), reason);
        } catch (RuntimeException notRecorded) {
            // The journal refused the write (the key is no longer this process's): the result says why,
            // and the key is not sent again from here.
            fail(flight, notRecorded);
            return;
        }
        fail(flight, rejection(flight.key, reason));
    }

    TransactionRejectedException rejection(long key, String reason) {
        return new TransactionRejectedException(key, journal.describe(key), reason);
    }

    /** Completes once {@code recorded} (the confirmed state's commit) has. */
    void confirmWhen(Flight flight, CompletableFuture<Void> recorded) {
        recorded.whenCompleteAsync((done, failure) -> finish(flight, failure), completer);
    }

    /** Completes as anchored at once: the journal already records it confirmed. */
    void anchored(Flight flight) {
        completer.execute(() -> finish(flight, null));
    }

    void fail(Flight flight, Throwable failure) {
        completer.execute(() -> finish(flight, failure));
    }

    private void finish(Flight flight, Throwable failure) {
        flights.remove(flight.key);
        if (failure == null) {
            flight.result.complete(flight.anchored());
        } else {
            flight.result.completeExceptionally(failure);
        }
    }

    /** Fails every result still open with {@code closed}; nothing completes after this. */
    void close(IllegalStateException closed) {
        flights.values().forEach(flight -> completer.execute(() -> flight.result.completeExceptionally(closed)));
        flights.clear();
        completer.shutdown();
    }
}
