package org.energyweb.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.chain.rpc.Revert;
import org.energyweb.chain.rpc.RevertException;
import org.energyweb.chain.rpc.RpcCall;
import org.energyweb.chain.rpc.RpcReply;
import org.energyweb.chain.rpc.RpcUnreachableException;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Anchors readings with one transaction each from one signing account, many in flight at once.
 *
 * <p>A <em>sender</em> thread takes submitted readings in batches: it estimates gas for the batch
 * in one JSON-RPC request (a revert is reported before any nonce is spent), allocates nonces and
 * persists each with its reading's hop state in one ledger commit, signs locally and broadcasts
 * the batch in one request. A <em>tracker</em> thread polls receipts for everything in flight,
 * records {@code mined}, waits for the confirmation depth (checking the block is still canonical),
 * records {@code confirmed}, and re-broadcasts what is not mined in time with the same nonce and
 * higher fees. A nonce is only ever given up when the chain shows it used by a transaction that is
 * not one of ours; then the reading gets a new one. So readings are neither lost, nor anchored
 * twice, nor leave a nonce gap, across node errors, dropped connections and restarts of either side.
 */
public final class TransactionPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionPipeline.class);
    private static final int RPC_BATCH = 500;
    private static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(1);

    /**
     * @param confirmations blocks a transaction's block needs on top (itself included) to count as confirmed
     * @param pollInterval  how often receipts are polled
     * @param resendAfter   how long a broadcast transaction may stay unmined before it is replaced with higher fees
     * @param gas           estimate margin and cap
     * @param maxBatch      readings estimated, allocated and broadcast together
     * @param hop           the outbox hop the transactions' states are recorded on; a caller that anchors
     *                      something other than single readings (a Merkle batch) keeps its own
     */
    public record Options(int confirmations, Duration pollInterval, Duration resendAfter, GasPolicy gas, int maxBatch, String hop) {

        public static final Options DEFAULT = new Options(1, Duration.ofMillis(200), Duration.ofSeconds(60), GasPolicy.READINGS, 200,
                ChainHop.HOP);

        public Options {
            if (confirmations < 1 || maxBatch < 1) {
                throw new IllegalArgumentException("confirmations and maxBatch must be at least 1");
            }
        }

        public Options withConfirmations(int value) {
            return new Options(value, pollInterval, resendAfter, gas, maxBatch, hop);
        }

        public Options withPollInterval(Duration value) {
            return new Options(confirmations, value, resendAfter, gas, maxBatch, hop);
        }

        public Options withResendAfter(Duration value) {
            return new Options(confirmations, pollInterval, value, gas, maxBatch, hop);
        }

        public Options withGas(GasPolicy value) {
            return new Options(confirmations, pollInterval, resendAfter, value, maxBatch, hop);
        }

        public Options withHop(String value) {
            return new Options(confirmations, pollInterval, resendAfter, gas, maxBatch, value);
        }
    }

    private final Eth eth;
    private final Signer signer;
    private final Ledger ledger;
    private final NonceManager nonces;
    private final FeeOracle feeOracle;
    private final Options options;
    private final ResendPolicy resendPolicy;
    private final Map<Long, Flight> flights = new ConcurrentHashMap<>();
    private final BlockingDeque<Flight> toLaunch = new LinkedBlockingDeque<>();
    private final Queue<Flight> launched = new ConcurrentLinkedQueue<>();
    /** Owned by the tracker thread: what is broadcast and not yet confirmed, and when receipts were last looked up. */
    private final Map<Long, Flight> active = new LinkedHashMap<>();
    private long polledHead = -1;
    private volatile boolean receiptsDue;
    /** Results are completed here, never on the ledger's writer thread or the tracker's. */
    private final ExecutorService completer = Executors.newSingleThreadExecutor(daemon("energyweb-chain-results"));
    private final Thread sender = daemon("energyweb-chain-sender").newThread(this::sendLoop);
    private final Thread tracker = daemon("energyweb-chain-tracker").newThread(this::trackLoop);
    private volatile boolean running = true;
    private volatile boolean nodeDown;

    private TransactionPipeline(Eth eth, Signer signer, Ledger ledger, NonceManager nonces, Options options) {
        this.eth = eth;
        this.signer = signer;
        this.ledger = ledger;
        this.nonces = nonces;
        this.feeOracle = new FeeOracle(eth);
        this.options = options;
        this.resendPolicy = new ResendPolicy(options.resendAfter(), options.pollInterval());
    }

    /** Connects, seeds the nonce manager, resumes what the ledger shows in flight for this account, and starts. */
    public static TransactionPipeline start(Eth eth, Credentials credentials, Ledger ledger, Options options) {
        Signer signer = new Signer(credentials, eth.chainId());
        LostTransactions.reanchor(ledger, options.hop(), signer, eth.transactionCount(signer.address(), "latest"));
        long pending = eth.transactionCount(signer.address(), "pending");
        NonceManager nonces = NonceManager.seed(ledger.nonces(), signer.chainId(), signer.address(), pending);
        TransactionPipeline pipeline = new TransactionPipeline(eth, signer, ledger, nonces, options);
        pipeline.resume();
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

    /** Readings submitted or resumed and not yet confirmed or dead. */
    public int inFlight() {
        return flights.size();
    }

    private void resume() {
        int resumed = 0;
        for (HopState state : ledger.hops().withState(options.hop(), ChainHop.IN_FLIGHT)) {
            JsonNode detail = Flight.parse(state.detail());
            if (detail.path("chainId").asLong() != signer.chainId() || !detail.path("from").asText().equalsIgnoreCase(signer.address())) {
                continue;
            }
            Flight flight = Flight.resumed(state.position(), detail);
            // Re-signing with the recorded nonce and fees gives the recorded hash, so a transaction
            // the node already has is recognised ("already known", or its receipt) and not duplicated.
            flight.nextAttemptAt = System.nanoTime();
            // Its hash is known before anything else happens, so a receipt for it is looked for
            // even if it was broadcast just before the crash that prevented recording it.
            sign(flight);
            flights.put(flight.position, flight);
            launched.add(flight);
            resumed++;
        }
        if (resumed > 0) {
            LOG.info("resuming {} transactions in flight from {}; next new nonce {}", resumed, signer.address(), nonces.peek());
        }
    }

    /**
     * Anchors the reading at ledger {@code position} with {@code call}. The future completes once
     * the transaction is confirmed, or fails with {@link TransactionRejectedException}. Submitting a
     * reading that is already in flight, confirmed or dead returns that outcome instead of sending again.
     */
    public CompletableFuture<Anchored> submit(long position, TxCall call) {
        if (!running) {
            throw new IllegalStateException("the transaction pipeline of " + signer.address() + " is closed");
        }
        Flight flight = new Flight(position, call);
        flight.unchecked = true;
        Flight existing = flights.putIfAbsent(position, flight);
        if (existing != null) {
            return existing.result;
        }
        toLaunch.add(flight);
        return flight.result;
    }

    /**
     * Settles the submitted readings the ledger already has an outcome for (one query for the
     * batch); returns the ones still to send.
     */
    private List<Flight> withoutRecordedOutcome(List<Flight> batch) {
        List<Long> positions = batch.stream().filter(f -> f.unchecked).map(f -> f.position).toList();
        Map<Long, HopState> recorded = ledger.hops().states(options.hop(), positions);
        List<Flight> toSend = new ArrayList<>(batch.size());
        for (Flight flight : batch) {
            HopState state = flight.unchecked ? recorded.get(flight.position) : null;
            flight.unchecked = false;
            if (state == null) {
                toSend.add(flight);
                continue;
            }
            JsonNode detail = Flight.parse(state.detail());
            switch (state.state()) {
                case ChainHop.CONFIRMED -> {
                    flight.nonce = detail.path("nonce").asLong();
                    flight.minedBlock = detail.path("block").asLong();
                    flight.minedBlockHash = detail.path("blockHash").asText();
                    flight.minedTransaction = detail.path("minedTx").asText();
                    completer.execute(() -> finish(flight, null));
                }
                case ChainHop.DEAD -> completer.execute(() -> finish(flight,
                        new TransactionRejectedException(flight.position, detail.path("reason").asText())));
                default -> completer.execute(() -> finish(flight, new IllegalStateException("reading @" + flight.position
                        + " is in flight from " + detail.path("from").asText() + " on chain " + detail.path("chainId").asText()
                        + ", not from this pipeline's account " + signer.address() + " on chain " + signer.chainId())));
            }
        }
        return toSend;
    }

    // ---------------------------------------------------------------- sender

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
                launch(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RpcUnreachableException e) {
                // Nothing of this batch was allocated yet: it is tried again as it was.
                noteNodeDown(e);
                requeue(batch);
                pause(UNREACHABLE_RETRY);
            } catch (RuntimeException e) {
                LOG.error("transaction sender failed; the batch is retried", e);
                requeue(batch);
                pause(UNREACHABLE_RETRY);
            } finally {
                batch.clear();
            }
        }
    }

    private void requeue(List<Flight> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i).nonce < 0) {
                toLaunch.addFirst(batch.get(i));
            }
        }
    }

    private void launch(List<Flight> submitted) {
        List<Flight> batch = withoutRecordedOutcome(submitted);
        if (batch.isEmpty()) {
            return;
        }
        Fees fees = feeOracle.current();
        List<RpcCall> estimates = new ArrayList<>(batch.size());
        for (Flight flight : batch) {
            estimates.add(Eth.estimateGasCall(signer.address(), flight.call.to(), flight.call.data()));
        }
        List<RpcReply> replies = batchAndWait(estimates);
        noteNodeUp();
        List<Flight> ready = new ArrayList<>(batch.size());
        List<Flight> later = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Flight flight = batch.get(i);
            RpcReply reply = replies.get(i);
            if (reply.isError()) {
                if (Revert.isRevert(reply.error())) {
                    reject(flight, Revert.reason(reply.error()));
                } else {
                    LOG.warn("gas estimate for reading @{} failed, retried later: {}", flight.position, reply.error().getMessage());
                    later.add(flight);
                }
                continue;
            }
            try {
                flight.gasLimit = options.gas().limit(Eth.quantity(reply.result()));
                ready.add(flight);
            } catch (GasPolicy.GasCapExceededException e) {
                reject(flight, e.getMessage());
            }
        }
        allocate(ready, fees);
        // Each flight is signed on its own; spread over the cores, in nonce order in the result.
        List<Signer.SignedTransaction> signed = ready.parallelStream().map(this::sign).toList();
        broadcast(ready, signed);
        for (Flight flight : ready) {
            ledger.hops().record(flight.position, options.hop(), ChainHop.SENT, flight.detail(signer.address(), signer.chainId()));
        }
        launched.addAll(ready);
        if (!later.isEmpty()) {
            pause(options.pollInterval());
            requeue(later);
        }
    }

    /** Gives each flight the next nonce and commits nonce and hop state together before anything is sent. */
    private void allocate(List<Flight> ready, Fees fees) {
        List<CompletableFuture<Void>> persisted = new ArrayList<>(ready.size());
        for (Flight flight : ready) {
            flight.nonce = nonces.take();
            flight.fees = fees;
            persisted.add(nonces.persist(flight.nonce, flight.position, options.hop(), ChainHop.NONCE_ALLOCATED,
                    flight.detail(signer.address(), signer.chainId())));
        }
        try {
            CompletableFuture.allOf(persisted.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            // The ledger cannot record any more: nothing of this batch is sent.
            ready.forEach(flight -> completer.execute(() -> finish(flight, e.getCause())));
            throw e;
        }
    }

    private Signer.SignedTransaction sign(Flight flight) {
        Signer.SignedTransaction tx = signer.sign(flight.nonce, flight.call.to(), flight.call.data(), flight.gasLimit, flight.fees);
        if (!flight.hashes.contains(tx.hash())) {
            flight.hashes.add(tx.hash());
        }
        return tx;
    }

    /** Broadcasts signed transactions in one request and reads each answer. */
    private void broadcast(List<Flight> batch, List<Signer.SignedTransaction> signed) {
        List<RpcCall> sends = signed.stream().map(tx -> Eth.sendRawCall(tx.raw())).toList();
        List<RpcReply> replies;
        try {
            replies = batchAndWait(sends);
        } catch (RpcUnreachableException e) {
            // Whether the node got them is unknown: the same bytes are sent again soon; a copy the
            // node already has is answered "already known" and changes nothing.
            noteNodeDown(e);
            long retryAt = System.nanoTime() + UNREACHABLE_RETRY.toNanos();
            batch.forEach(flight -> {
                flight.nextAttemptAt = retryAt;
                flight.bumpNext = false;
            });
            return;
        }
        long now = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            onSendReply(batch.get(i), replies.get(i), now);
        }
    }

    private void onSendReply(Flight flight, RpcReply reply, long now) {
        SendAnswer answer = SendAnswer.of(reply.error());
        ResendPolicy.Decision next = resendPolicy.after(answer);
        flight.nextAttemptAt = now + next.after().toNanos();
        flight.bumpNext = next.bump();
        if (next.checkReceipts()) {
            receiptsDue = true;
        }
        if (answer == SendAnswer.REFUSED) {
            LOG.warn("node refused the transaction of reading @{} (nonce {}), sent again in {}: {}",
                    flight.position, flight.nonce, next.after(), reply.error().getMessage());
        }
    }

    // ---------------------------------------------------------------- tracker

    private void trackLoop() {
        while (running) {
            try {
                for (Flight flight; (flight = launched.poll()) != null; ) {
                    active.put(flight.position, flight);
                    receiptsDue = true;
                }
                if (!active.isEmpty()) {
                    track();
                    noteNodeUp();
                }
            } catch (RpcUnreachableException e) {
                noteNodeDown(e);
            } catch (RuntimeException e) {
                LOG.error("transaction tracker failed; tracking goes on", e);
            }
            pause(options.pollInterval());
        }
    }

    private void track() {
        long head = eth.blockNumber();
        // A receipt only appears with a new block; between blocks only what is new or in doubt is looked up.
        if (head != polledHead || receiptsDue) {
            receiptsDue = false;
            pollReceipts();
            polledHead = head;
            reclaimTakenNonces();
        }
        for (Flight flight : active.values()) {
            if (flight.isMined()) {
                head = Math.max(head, flight.minedBlock);
            }
        }
        confirm(head);
        resendDue();
    }

    private void pollReceipts() {
        List<Flight> owners = new ArrayList<>();
        List<RpcCall> calls = new ArrayList<>();
        for (Flight flight : active.values()) {
            if (!flight.isMined()) {
                for (String hash : flight.hashes) {
                    owners.add(flight);
                    calls.add(Eth.receiptCall(hash));
                }
            }
        }
        List<RpcReply> replies = batchAndWait(calls);
        for (int i = 0; i < replies.size(); i++) {
            Flight flight = owners.get(i);
            if (flight.isMined() || replies.get(i).isError()) {
                continue;
            }
            Optional<Receipt> receipt = Receipt.parse(replies.get(i).result());
            receipt.ifPresent(r -> onMined(flight, r));
        }
    }

    private void onMined(Flight flight, Receipt receipt) {
        if (!receipt.succeeded()) {
            active.remove(flight.position);
            reject(flight, revertReason(flight, receipt));
            return;
        }
        flight.minedBlock = receipt.blockNumber();
        flight.minedBlockHash = receipt.blockHash();
        flight.minedTransaction = receipt.transactionHash();
        flight.nonceSeenTaken = false;
        ledger.hops().record(flight.position, options.hop(), ChainHop.MINED, flight.detail(signer.address(), signer.chainId()));
    }

    /** Why a mined transaction reverted: the call replayed on the state before its block. */
    private String revertReason(Flight flight, Receipt receipt) {
        String before = Numeric.encodeQuantity(BigInteger.valueOf(Math.max(0, receipt.blockNumber() - 1)));
        try {
            eth.call(signer.address(), flight.call.to(), flight.call.data(), before);
            return "reverted in block " + receipt.blockNumber();
        } catch (RevertException e) {
            return e.reason();
        }
    }

    private void confirm(long head) {
        List<Flight> deepEnough = new ArrayList<>();
        for (Flight flight : active.values()) {
            if (flight.isMined() && head >= flight.minedBlock + options.confirmations() - 1) {
                deepEnough.add(flight);
            }
        }
        if (deepEnough.isEmpty()) {
            return;
        }
        if (options.confirmations() > 1) {
            deepEnough = stillCanonical(deepEnough);
        }
        List<CompletableFuture<Void>> recorded = new ArrayList<>(deepEnough.size());
        for (Flight flight : deepEnough) {
            active.remove(flight.position);
            recorded.add(ledger.hops().record(flight.position, options.hop(), ChainHop.CONFIRMED,
                    flight.detail(signer.address(), signer.chainId())));
        }
        for (int i = 0; i < deepEnough.size(); i++) {
            Flight flight = deepEnough.get(i);
            recorded.get(i).whenCompleteAsync((done, failure) -> finish(flight, failure == null ? null : failure), completer);
        }
    }

    /** Those whose receipt is still in the same block; the others were reorganised away and wait again. */
    private List<Flight> stillCanonical(List<Flight> candidates) {
        List<RpcReply> replies = batchAndWait(candidates.stream().map(f -> Eth.receiptCall(f.minedTransaction)).toList());
        List<Flight> canonical = new ArrayList<>();
        int undone = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Flight flight = candidates.get(i);
            Optional<Receipt> receipt = replies.get(i).isError() ? Optional.empty() : Receipt.parse(replies.get(i).result());
            if (receipt.isPresent() && receipt.get().blockHash().equals(flight.minedBlockHash)) {
                canonical.add(flight);
            } else {
                undone++;
                flight.unmine();
                flight.nextAttemptAt = System.nanoTime();
                receiptsDue = true;
                ledger.hops().record(flight.position, options.hop(), ChainHop.SENT, flight.detail(signer.address(), signer.chainId()));
            }
        }
        if (undone > 0) {
            LOG.warn("{} transactions were in blocks that are no longer on the chain (reorganisation or a node that lost "
                    + "blocks); they are looked for again and re-sent if lost", undone);
        }
        return canonical;
    }

    /**
     * A flight whose nonce the chain shows used while none of its hashes has a receipt is marked;
     * if the next receipt lookup still finds none, another transaction took the nonce and the
     * reading is sent again with a new one. So does a nonce no transaction took: a node restarted
     * from a state file whose account nonces ran ahead of its blocks (anvil writes such files
     * under load) counts it as used, and nothing can be mined with it any more.
     */
    private void reclaimTakenNonces() {
        List<Flight> unmined = active.values().stream().filter(f -> !f.isMined()).toList();
        if (unmined.isEmpty()) {
            return;
        }
        long used = eth.transactionCount(signer.address(), "latest");
        for (Flight flight : unmined) {
            if (flight.nonce >= used) {
                flight.nonceSeenTaken = false;
            } else if (flight.nonceSeenTaken) {
                LOG.warn("nonce {} of {} is used on chain, not by reading @{}'s transaction; it gets a new nonce",
                        flight.nonce, signer.address(), flight.position);
                active.remove(flight.position);
                flight.forgetNonce();
                nonces.skipTo(used);
                toLaunch.add(flight);
            } else {
                flight.nonceSeenTaken = true;
                receiptsDue = true;
            }
        }
    }

    /** Broadcasts again what is due: replacements with higher fees, or the same bytes after a failed send. */
    private void resendDue() {
        long now = System.nanoTime();
        List<Flight> due = active.values().stream()
                .filter(f -> !f.isMined() && f.nextAttemptAt <= now)
                .sorted(Comparator.comparingLong(f -> f.nonce))
                .toList();
        if (due.isEmpty()) {
            return;
        }
        long used = eth.transactionCount(signer.address(), "latest");
        List<Flight> resend = due.stream().filter(f -> f.nonce >= used).toList();
        if (resend.isEmpty()) {
            return;
        }
        Fees market = feeOracle.current();
        List<Signer.SignedTransaction> signed = new ArrayList<>(resend.size());
        List<CompletableFuture<Void>> recorded = new ArrayList<>();
        for (Flight flight : resend) {
            if (flight.bumpNext) {
                flight.fees = flight.fees.bumped().atLeast(market);
            }
            int known = flight.hashes.size();
            signed.add(sign(flight));
            if (flight.hashes.size() > known) {
                // A new signature is recorded before it is broadcast: after a crash, its receipt is
                // still looked for, so a replacement that got mined is never taken for a lost nonce.
                recorded.add(ledger.hops().record(flight.position, options.hop(), ChainHop.SENT,
                        flight.detail(signer.address(), signer.chainId())));
            }
        }
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
        broadcast(resend, signed);
    }

    // ---------------------------------------------------------------- outcomes

    /**
     * Gives up on a reading that can never be sent, such as one of a meter without an asset mapping,
     * before any nonce is taken for it: recorded dead with a dead letter, as a revert is, so the
     * hop moves on and {@code energyweb dlq replay} sends it once the cause is fixed. A reading
     * already in flight or with an outcome is not touched; its own outcome is returned.
     *
     * @param contract the contract the reading was to be anchored on, named in the dead letter
     */
    public CompletableFuture<Anchored> refuse(long position, String contract, String reason) {
        Flight existing = flights.get(position);
        if (existing != null) {
            return existing.result;
        }
        Optional<HopState> recorded = ledger.hops().state(position, options.hop());
        if (recorded.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalStateException("reading @" + position + " is already "
                    + recorded.get().state() + " on hop " + options.hop() + "; not refused: " + reason));
        }
        giveUp(position, contract, reason);
        return CompletableFuture.failedFuture(new TransactionRejectedException(position, reason));
    }

    /** The reading will not be anchored: recorded dead with the reason and as a dead letter. */
    private void reject(Flight flight, String reason) {
        giveUp(flight.position, flight.call.to(), reason);
        completer.execute(() -> finish(flight, new TransactionRejectedException(flight.position, reason)));
    }

    /**
     * Records the reading dead with its dead letter in one commit and names its meter in the log.
     * Never called between taking a nonce and a transaction using it on chain (a refused estimate
     * or gas cap comes before allocation, a revert after mining), so giving up leaves no nonce gap.
     */
    private void giveUp(long position, String contract, String reason) {
        DeadLetter letter = ledger.deadLetters().recordUndelivered(position, options.hop(), ChainHop.DEAD, Flight.deadDetail(reason),
                "chain:" + contract, "reading @" + position + " not anchored: " + reason);
        if (letter.hop() != null) {
            LOG.warn("reading @{} of meter {} not anchored: {}; the other readings go on. Dead letter {}: fix the cause, then "
                    + "energyweb dlq replay --id {} sends it again", position, letter.meter(), reason, letter.id(), letter.id());
        } else {
            LOG.warn("@{} not anchored: {} (dead letter {})", position, reason, letter.id());
        }
    }

    private void finish(Flight flight, Throwable failure) {
        flights.remove(flight.position);
        if (failure == null) {
            flight.result.complete(flight.anchored());
        } else {
            flight.result.completeExceptionally(failure);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private List<RpcReply> batchAndWait(List<RpcCall> calls) {
        List<RpcReply> replies = new ArrayList<>(calls.size());
        for (int from = 0; from < calls.size(); from += RPC_BATCH) {
            replies.addAll(eth.rpc().batchAndWait(calls.subList(from, Math.min(calls.size(), from + RPC_BATCH))));
        }
        return replies;
    }

    private void noteNodeDown(RpcUnreachableException e) {
        if (!nodeDown) {
            nodeDown = true;
            LOG.warn("{}; transactions are kept and retried", e.getMessage());
        }
    }

    private void noteNodeUp() {
        if (nodeDown) {
            nodeDown = false;
            LOG.info("RPC node {} reachable again", eth.rpc().uri());
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Stops sending and tracking. What is in flight stays recorded in the ledger and resumes on the
     * next start; its futures fail now.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        // Not interrupted: a batch being allocated or broadcast is finished, so what the ledger
        // says is in flight is exactly what was handed to the node.
        running = false;
        join(sender);
        join(tracker);
        IllegalStateException closed = new IllegalStateException("the transaction pipeline closed; the reading resumes on the next start");
        flights.values().forEach(flight -> completer.execute(() -> flight.result.completeExceptionally(closed)));
        flights.clear();
        completer.shutdown();
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
