package org.energyweb.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.RpcUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Anchors what it is given with one transaction each from one signing account, many in flight at
 * once. Each thing is known by an opaque key; a {@link TransactionJournal} records its transaction
 * and gives the key its meaning (a reading's ledger position, a Merkle batch's id).
 *
 * <p>A sender thread hands submitted keys in batches to the {@link TransactionSender} (estimate,
 * nonce, sign, broadcast); a tracker thread has the {@link ReceiptTracker} follow them to the
 * confirmation depth, replacing what is not mined in time. A nonce is only ever given up when the
 * chain shows it used by a transaction that is not one of ours; then the key gets a new one. So
 * nothing is lost, nor anchored twice, nor leaves a nonce gap, across node errors, dropped
 * connections and restarts of either side.
 */
public final class TransactionPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionPipeline.class);

    /**
     * @param confirmations blocks a transaction's block needs on top (itself included) to count as confirmed
     * @param pollInterval  how often receipts are polled
     * @param resendAfter   how long a broadcast transaction may stay unmined before it is replaced with higher fees
     * @param gas           estimate margin and cap
     * @param maxBatch      keys estimated, allocated and broadcast together
     */
    public record Options(int confirmations, Duration pollInterval, Duration resendAfter, GasPolicy gas, int maxBatch) {

        public static final Options DEFAULT = new Options(1, Duration.ofMillis(200), Duration.ofSeconds(60), GasPolicy.READINGS, 200);

        public Options {
            if (confirmations < 1 || maxBatch < 1) {
                throw new IllegalArgumentException("confirmations and maxBatch must be at least 1");
            }
        }

        public Options withConfirmations(int value) {
            return new Options(value, pollInterval, resendAfter, gas, maxBatch);
        }

        public Options withPollInterval(Duration value) {
            return new Options(confirmations, value, resendAfter, gas, maxBatch);
        }

        public Options withResendAfter(Duration value) {
            return new Options(confirmations, pollInterval, value, gas, maxBatch);
        }

        public Options withGas(GasPolicy value) {
            return new Options(confirmations, pollInterval, resendAfter, value, maxBatch);
        }
    }

    private final Signer signer;
    private final TransactionJournal journal;
    private final Options options;
    private final NodeLink node;
    private final Outcomes outcomes;
    private final TransactionSender transactions;
    private final ReceiptTracker receipts;
    private final BlockingDeque<Flight> toLaunch = new LinkedBlockingDeque<>();
    private final Queue<Flight> launched = new ConcurrentLinkedQueue<>();
    private final Thread sender = daemon("energyweb-chain-sender", this::sendLoop);
    private final Thread tracker = daemon("energyweb-chain-tracker", this::trackLoop);
    private volatile boolean running = true;

    private TransactionPipeline(Eth eth, Signer signer, TransactionJournal journal, NonceManager nonces, Options options,
                                MeterRegistry metrics) {
        this.signer = signer;
        this.journal = journal;
        this.options = options;
        this.node = new NodeLink(eth);
        this.outcomes = new Outcomes(journal);
        this.transactions = new TransactionSender(node, signer, nonces, journal, outcomes, options);
        this.receipts = new ReceiptTracker(node, signer, nonces, journal, outcomes, transactions, options.confirmations(), metrics);
    }

    /** {@link #start(Eth, Credentials, TransactionJournal, Options, MeterRegistry)} counting its gas nowhere (outside a gateway). */
    public static TransactionPipeline start(Eth eth, Credentials credentials, TransactionJournal journal, Options options) {
        // A composite of no registries keeps no values.
        return start(eth, credentials, journal, options, new CompositeMeterRegistry());
    }

    /**
     * Connects, seeds the nonces, resumes what {@code journal} shows in flight for this account, and starts.
     *
     * @param metrics where {@code energyweb_chain_gas_used_total} is counted: the gateway's own registry (its CamelContext's)
     */
    public static TransactionPipeline start(Eth eth, Credentials credentials, TransactionJournal journal, Options options,
                                            MeterRegistry metrics) {
        Signer signer = new Signer(credentials, eth.chainId());
        LostTransactions.reanchor(journal.nonces(), journal.hop(), signer, eth.transactionCount(signer.address(), "latest"));
        long pending = eth.transactionCount(signer.address(), "pending");
        NonceManager nonces = NonceManager.seed(journal.nonces(), signer.chainId(), signer.address(), pending);
        TransactionPipeline pipeline = new TransactionPipeline(eth, signer, journal, nonces, options, metrics);
        pipeline.resume(nonces);
        pipeline.sender.start();
        pipeline.tracker.start();
        return pipeline;
    }

    public String address() {
        return signer.address();
    }

    public long chainId() {
        return signer.chainId();
    }

    /** Keys submitted or resumed and not yet confirmed or dead. */
    public int inFlight() {
        return outcomes.size();
    }

    private void resume(NonceManager nonces) {
        int resumed = 0;
        for (TransactionJournal.Entry entry : journal.inFlight()) {
            JsonNode detail = Flight.parse(entry.detail());
            if (!ours(detail)) {
                continue;
            }
            Flight flight = Flight.resumed(entry.key(), detail);
            outcomes.putIfAbsent(flight);
            carryOn(flight);
            resumed++;
        }
        if (resumed > 0) {
            LOG.info("resuming {} transactions in flight from {}; next new nonce {}", resumed, signer.address(), nonces.peek());
        }
    }

    /** Hands a flight rebuilt from its journal record to the tracker, which broadcasts it again and follows it. */
    private void carryOn(Flight flight) {
        // Re-signing with the recorded nonce and fees gives the recorded hash, so a transaction
        // the node already has is recognised ("already known", or its receipt) and not duplicated.
        flight.nextAttemptAt = System.nanoTime();
        // Its hash is known before anything else happens, so a receipt for it is looked for
        // even if it was broadcast just before the crash that prevented recording it.
        transactions.sign(flight);
        launched.add(flight);
    }

    private boolean ours(JsonNode detail) {
        return detail.path("chainId").asLong() == signer.chainId() && detail.path("from").asText().equalsIgnoreCase(signer.address());
    }

    /**
     * Anchors what {@code key} stands for in its journal with {@code call}. The future completes once
     * the transaction is confirmed, or fails with {@link TransactionRejectedException}. Submitting a
     * key that is already in flight, confirmed or dead returns that outcome instead of sending again;
     * a key the journal records in flight from this account is carried on with its recorded nonce.
     */
    public CompletableFuture<Anchored> submit(long key, TxCall call) {
        if (!running) {
            throw new IllegalStateException("the transaction pipeline of " + signer.address() + " is closed");
        }
        Flight flight = new Flight(key, call);
        flight.unchecked = true;
        Flight existing = outcomes.putIfAbsent(flight);
        if (existing != null) {
            return existing.result;
        }
        toLaunch.add(flight);
        return flight.result;
    }

    /**
     * Gives up on a key that can never be sent, such as a reading of a meter without an asset
     * mapping, before any nonce is taken for it: the journal records it as it records a revert (for
     * a reading, dead with a dead letter that {@code energyweb dlq replay} sends again once the cause
     * is fixed). A key already in flight or with an outcome is not touched; its own outcome is returned.
     *
     * @param contract the contract it was to be anchored on
     */
    public CompletableFuture<Anchored> refuse(long key, String contract, String reason) {
        Flight existing = outcomes.get(key);
        if (existing != null) {
            return existing.result;
        }
        TransactionJournal.Entry recorded = journal.recorded(List.of(key)).get(key);
        if (recorded != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(journal.describe(key) + " is already "
                    + recorded.state() + " on hop " + journal.hop() + "; not refused: " + reason));
        }
        journal.rejected(key, contract, reason);
        return CompletableFuture.failedFuture(outcomes.rejection(key, reason));
    }

    /** Settles the submitted keys the journal already has an outcome for (one query for the batch); returns the ones still to send. */
    private List<Flight> withoutRecordedOutcome(List<Flight> batch) {
        Map<Long, TransactionJournal.Entry> recorded = journal.recorded(batch.stream().filter(f -> f.unchecked).map(f -> f.key).toList());
        List<Flight> toSend = new ArrayList<>(batch.size());
        for (Flight flight : batch) {
            TransactionJournal.Entry entry = flight.unchecked ? recorded.get(flight.key) : null;
            flight.unchecked = false;
            if (entry == null) {
                toSend.add(flight);
                continue;
            }
            JsonNode detail = Flight.parse(entry.detail());
            switch (entry.state()) {
                case ChainHop.CONFIRMED -> {
                    flight.nonce = detail.path("nonce").asLong();
                    flight.minedBlock = detail.path("block").asLong();
                    flight.minedBlockHash = detail.path("blockHash").asText();
                    flight.minedTransaction = detail.path("minedTx").asText();
                    outcomes.anchored(flight);
                }
                case ChainHop.DEAD -> outcomes.fail(flight, outcomes.rejection(flight.key, detail.path("reason").asText()));
                default -> {
                    if (ours(detail)) {
                        // In flight from this account, recorded by a process that no longer sends it (the
                        // previous owner of an anchor service partition) or by this one before its result
                        // failed: carried on from the record, as at a start, never sent with another nonce.
                        try {
                            flight.carryOn(detail);
                            carryOn(flight);
                        } catch (IllegalStateException otherCall) {
                            outcomes.fail(flight, otherCall);
                        }
                    } else {
                        outcomes.fail(flight, new IllegalStateException(journal.describe(flight.key)
                                + " is in flight from " + detail.path("from").asText() + " on chain " + detail.path("chainId").asText()
                                + ", not from this pipeline's account " + signer.address() + " on chain " + signer.chainId()));
                    }
                }
            }
        }
        return toSend;
    }

    private void sendLoop() {
        List<Flight> batch = new ArrayList<>();
        while (running) {
            try {
                Flight first = toLaunch.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                toLaunch.drainTo(batch, options.maxBatch() - 1);
                List<Flight> toSend = withoutRecordedOutcome(batch);
                if (toSend.isEmpty()) {
                    continue;
                }
                TransactionSender.Launch launch = transactions.launch(toSend);
                launched.addAll(launch.sent());
                if (!launch.later().isEmpty()) {
                    pause(options.pollInterval());
                    requeue(launch.later());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RpcUnreachableException e) {
                // Nothing of this batch was allocated yet: it is tried again as it was.
                node.down(e);
                requeue(batch);
                pause(TransactionSender.UNREACHABLE_RETRY);
            } catch (RuntimeException e) {
                LOG.error("transaction sender failed; the batch is retried", e);
                requeue(batch);
                pause(TransactionSender.UNREACHABLE_RETRY);
            } finally {
                batch.clear();
            }
        }
    }

    /** Puts back, in their order, those of {@code batch} that did not get a nonce. */
    private void requeue(List<Flight> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i).nonce < 0) {
                toLaunch.addFirst(batch.get(i));
            }
        }
    }

    private void trackLoop() {
        while (running) {
            try {
                for (Flight flight; (flight = launched.poll()) != null; ) {
                    receipts.follow(flight);
                }
                if (!receipts.idle()) {
                    toLaunch.addAll(receipts.track());
                    node.up();
                }
            } catch (RpcUnreachableException e) {
                node.down(e);
            } catch (RuntimeException e) {
                LOG.error("transaction tracker failed; tracking goes on", e);
            }
            pause(options.pollInterval());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Stops sending and tracking. What is in flight stays recorded in the journal and resumes on the
     * next start; its futures fail now.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        // Not interrupted: a batch being allocated or broadcast is finished, so what the journal
        // says is in flight is exactly what was handed to the node.
        running = false;
        join(sender);
        join(tracker);
        outcomes.close(new IllegalStateException("the transaction pipeline closed; what was in flight resumes on the next start"));
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
