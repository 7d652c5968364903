package org.energyweb.ledger.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The outbox of one hop: emits pending readings in ledger order and records the hop's state once
 * the route processed a reading without error. A failure leaves the reading (and everything after
 * it) pending, and it is tried again after an exponential backoff with jitter, so a dead remote
 * neither floods the log nor overtakes order; readings keep being appended meanwhile.
 */
public class LedgerOutboxConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerOutboxConsumer.class);

    private long cursor;
    private int failures;
    private long notBefore;

    public LedgerOutboxConsumer(LedgerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public LedgerEndpoint getEndpoint() {
        return (LedgerEndpoint) super.getEndpoint();
    }

    @Override
    protected int poll() throws Exception {
        if (System.currentTimeMillis() < notBefore) {
            return 0;
        }
        LedgerEndpoint endpoint = getEndpoint();
        Ledger ledger = endpoint.getComponent().ledger(endpoint.getDataDir());
        List<String> finalStates = endpoint.finalStateList();
        List<LedgerEntry> pending = ledger.hops().pending(endpoint.getHop(), finalStates, cursor, endpoint.getBatchSize());
        int processed = 0;
        for (LedgerEntry entry : pending) {
            if (!isRunAllowed()) {
                break;
            }
            Exchange exchange = createExchange(true);
            try {
                LedgerConstants.describe(exchange.getMessage(), entry);
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    backOff(entry, exchange.getException());
                    break;
                }
                String state = exchange.getMessage().getHeader(LedgerConstants.HOP_STATE, finalStates.get(0), String.class);
                String detail = exchange.getMessage().getHeader(LedgerConstants.HOP_DETAIL, String.class);
                ledger.hops().recordAndWait(entry.position(), endpoint.getHop(), state, detail);
                if (finalStates.contains(state)) {
                    cursor = entry.position();
                }
                processed++;
                recovered();
            } finally {
                releaseExchange(exchange, false);
            }
        }
        return processed;
    }

    private void backOff(LedgerEntry entry, Exception cause) {
        failures++;
        LedgerEndpoint endpoint = getEndpoint();
        long base = Math.min(endpoint.getMaxRetryDelay(), endpoint.getRetryDelay() << Math.min(failures - 1, 20));
        long delay = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
        notBefore = System.currentTimeMillis() + Math.min(delay, endpoint.getMaxRetryDelay());
        // One line per failure streak doubling, not per poll: a dead remote must not flood the log.
        if (Integer.bitCount(failures) == 1) {
            LOG.warn("{} hop: reading {} ({}#{}) failed {} time(s), next try in {} ms: {}", endpoint.getHop(), entry.position(),
                    entry.meter(), entry.seq(), failures, delay, cause.getMessage());
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
