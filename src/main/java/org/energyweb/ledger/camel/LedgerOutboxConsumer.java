package org.energyweb.ledger.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox of one hop: emits pending readings in ledger order and, once the route processed a
 * reading without error, records the hop's state (unless the hop records its own states). Up to
 * {@code maxInFlight} readings are processed at once, so an asynchronous hop (a transaction pipeline)
 * can keep many in flight. A failure leaves the reading pending; it is tried again after an
 * exponential backoff with jitter, so a dead remote neither floods the log nor spins, while readings
 * keep being appended.
 */
public class LedgerOutboxConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerOutboxConsumer.class);

    /** Positions emitted and not finished yet: the cursor never passes the lowest of them. */
    private final NavigableSet<Long> unfinished = new ConcurrentSkipListSet<>();
    private final NavigableSet<Long> inFlight = new ConcurrentSkipListSet<>();
    /**
     * Positions that finished, with the number of the pending query under way when they did: a query
     * that started before a reading's state was recorded may still list it, after it left inFlight.
     */
    private final Map<Long, Long> finishedDuring = new ConcurrentHashMap<>();
    private final AtomicLong queries = new AtomicLong();
    private Semaphore permits;
    private volatile long highestEmitted;
    private volatile int failures;
    private volatile long notBefore;

    public LedgerOutboxConsumer(LedgerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public LedgerEndpoint getEndpoint() {
        return (LedgerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        permits = new Semaphore(getEndpoint().getMaxInFlight());
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        if (System.currentTimeMillis() < notBefore) {
            return 0;
        }
        LedgerEndpoint endpoint = getEndpoint();
        Ledger ledger = endpoint.getComponent().ledger(endpoint.getDataDir());
        long query = queries.incrementAndGet();
        List<LedgerEntry> pending = ledger.hops().pending(endpoint.getHop(), endpoint.finalStateList(), cursor(), endpoint.getBatchSize());
        // what finished before this query began is recorded, so the query did not list it
        finishedDuring.values().removeIf(during -> during < query);
        int emitted = 0;
        for (LedgerEntry entry : pending) {
            if (!isRunAllowed() || System.currentTimeMillis() < notBefore) {
                break;
            }
            if (inFlight.contains(entry.position()) || finishedDuring.containsKey(entry.position())) {
                continue;
            }
            if (!permits.tryAcquire()) {
                break;
            }
            emit(ledger, entry);
            emitted++;
        }
        return emitted;
    }

    /** Everything up to the cursor is finished on this hop, so the pending query starts after it. */
    private long cursor() {
        // ceiling, not isEmpty() then first(): a reading finishing in between would empty the set.
        Long lowest = unfinished.ceiling(Long.MIN_VALUE);
        return lowest != null ? lowest - 1 : highestEmitted;
    }

    private void emit(Ledger ledger, LedgerEntry entry) {
        long position = entry.position();
        unfinished.add(position);
        inFlight.add(position);
        highestEmitted = Math.max(highestEmitted, position);
        Exchange exchange = createExchange(false);
        LedgerMessages.describe(exchange.getMessage(), entry);
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                finished(ledger, entry, exchange);
            } finally {
                inFlight.remove(position);
                permits.release();
                releaseExchange(exchange, false);
            }
        });
    }

    private void finished(Ledger ledger, LedgerEntry entry, Exchange exchange) {
        LedgerEndpoint endpoint = getEndpoint();
        if (exchange.getException() != null) {
            if (givenUp(ledger, entry)) {
                // The hop recorded a final state itself (a reading it can never send is dead-lettered):
                // it is done, and the readings after it go on without a backoff.
                finishedDuring.put(entry.position(), queries.get());
                unfinished.remove(entry.position());
            } else {
                backOff(entry, exchange.getException());
            }
            return;
        }
        if (endpoint.isRecordState()) {
            String state = exchange.getMessage().getHeader(LedgerConstants.HOP_STATE, endpoint.finalStateList().get(0), String.class);
            String detail = exchange.getMessage().getHeader(LedgerConstants.HOP_DETAIL, String.class);
            try {
                ledger.hops().recordAndWait(entry.position(), endpoint.getHop(), state, detail);
            } catch (RuntimeException e) {
                backOff(entry, e);
                return;
            }
        }
        // after the state is committed: a query begun after this number was taken reads it
        finishedDuring.put(entry.position(), queries.get());
        unfinished.remove(entry.position());
        recovered();
    }

    private boolean givenUp(Ledger ledger, LedgerEntry entry) {
        try {
            return ledger.hops().state(entry.position(), getEndpoint().getHop())
                    .filter(state -> getEndpoint().finalStateList().contains(state.state())).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void backOff(LedgerEntry entry, Exception cause) {
        int failed = ++failures;
        LedgerEndpoint endpoint = getEndpoint();
        long base = Math.min(endpoint.getMaxRetryDelay(), endpoint.getRetryDelay() << Math.min(failed - 1, 20));
        long delay = Math.min(endpoint.getMaxRetryDelay(), (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble())));
        notBefore = System.currentTimeMillis() + delay;
        // One line when a failure streak doubles, not one per try: a dead remote must not flood the log.
        if (Integer.bitCount(failed) == 1) {
            LOG.warn("{} hop: reading {} ({}#{}) failed {} time(s), next try in {} ms: {}", endpoint.getHop(), entry.position(),
                    entry.meter(), entry.seq(), failed, delay, cause.getMessage());
        }
    }

    private void recovered() {
        if (failures > 0) {
            LOG.info("{} hop: back to normal after {} failed tries", getEndpoint().getHop(), failures);
        }
        failures = 0;
        notBefore = 0;
    }
}
