package org.energyweb.chain.tx;

import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Revert;
import org.energyweb.chain.rpc.RpcCall;
import org.energyweb.chain.rpc.RpcReply;
import org.energyweb.chain.rpc.RpcUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Puts a batch of flights on the node: estimates their gas in one request (a revert is reported
 * before any nonce is spent), allocates nonces and records each with its transaction in one commit,
 * signs locally and broadcasts the batch in one request, then reads each answer with
 * {@link SendAnswer} and {@link ResendPolicy}.
 */
final class TransactionSender {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionSender.class);
    /** How soon a broadcast whose fate the node did not tell (it was unreachable) is tried again. */
    static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(1);

    private final NodeLink node;
    private final Signer signer;
    private final NonceManager nonces;
    private final TransactionJournal journal;
    private final Outcomes outcomes;
    private final GasPolicy gas;
    private final FeeOracle feeOracle;
    private final ResendPolicy resendPolicy;

    TransactionSender(NodeLink node, Signer signer, NonceManager nonces, TransactionJournal journal, Outcomes outcomes,
                      TransactionPipeline.Options options) {
        this.node = node;
        this.signer = signer;
        this.nonces = nonces;
        this.journal = journal;
        this.outcomes = outcomes;
        this.gas = options.gas();
        this.feeOracle = new FeeOracle(node.eth);
        this.resendPolicy = new ResendPolicy(options.resendAfter(), options.pollInterval());
    }

    /**
     * @param sent  broadcast (or, if the node was unreachable, due again soon): for the tracker
     * @param later the node could not estimate them for a reason other than a revert: to be sent again as they are
     */
    record Launch(List<Flight> sent, List<Flight> later) {
    }

    /** Sends {@code batch}; a flight that reverts or exceeds the gas cap is rejected before it takes a nonce. */
    Launch launch(List<Flight> batch) {
        Fees fees = feeOracle.current();
        List<RpcCall> estimates = batch.stream().map(flight -> Eth.estimateGasCall(signer.address(), flight.call.to(), flight.call.data())).toList();
        List<RpcReply> replies = node.batchAndWait(estimates);
        node.up();
        List<Flight> ready = new ArrayList<>(batch.size());
        List<Flight> later = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Flight flight = batch.get(i);
            RpcReply reply = replies.get(i);
            if (reply.isError()) {
                if (Revert.isRevert(reply.error())) {
                    outcomes.reject(flight, Revert.reason(reply.error()));
                } else {
                    LOG.warn("gas estimate for {} failed, retried later: {}", journal.describe(flight.key), reply.error().getMessage());
                    later.add(flight);
                }
                continue;
            }
            try {
                flight.gasLimit = gas.limit(Eth.quantity(reply.result()));
                ready.add(flight);
            } catch (GasPolicy.GasCapExceededException e) {
                outcomes.reject(flight, e.getMessage());
            }
        }
        List<Flight> allocated = allocate(ready, fees);
        // Each flight is signed on its own; spread over the cores, in nonce order in the result.
        List<Signer.SignedTransaction> signed = allocated.parallelStream().map(this::sign).toList();
        // A "nonce used" answer needs no receipt check asked for here: the tracker looks up every new flight's receipts.
        broadcast(allocated, signed);
        for (Flight flight : allocated) {
            journal.record(flight.key, ChainHop.SENT, flight.detail(signer));
        }
        return new Launch(allocated, later);
    }

    /**
     * Gives each flight the next nonce and commits nonce and state together before anything is sent.
     *
     * @return the flights allocated; those the journal refused at once are left out, their results failed
     */
    private List<Flight> allocate(List<Flight> ready, Fees fees) {
        List<CompletableFuture<Void>> persisted = new ArrayList<>(ready.size());
        List<Flight> allocated = new ArrayList<>(ready.size());
        for (Flight flight : ready) {
            flight.fees = fees;
            CompletableFuture<Void> recorded = allocate(flight);
            if (recorded != null) {
                persisted.add(recorded);
                allocated.add(flight);
            }
        }
        try {
            CompletableFuture.allOf(persisted.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // The journal cannot record any more: nothing of this batch is sent.
            allocated.forEach(flight -> outcomes.fail(flight, e.getCause()));
            throw e;
        }
        return allocated;
    }

    /**
     * Takes the next nonce for {@code flight} and has the journal record it. A journal shared with
     * other processes answers at once: a nonce another process took is passed over, and a refusal for
     * any other reason fails the flight and hands the nonce out again, so no nonce is left unused.
     *
     * @return the recording, or null when the journal refused it
     */
    private CompletableFuture<Void> allocate(Flight flight) {
        while (true) {
            flight.nonce = nonces.take();
            CompletableFuture<Void> recorded = journal.allocated(nonces.account(), flight.nonce, flight.key, flight.detail(signer));
            if (!recorded.isCompletedExceptionally()) {
                return recorded;
            }
            Throwable refusal = recorded.handle((done, failure) -> failure instanceof CompletionException c ? c.getCause() : failure).join();
            if (refusal instanceof NonceTakenException taken) {
                LOG.info("{} for {}; allocated again", taken.getMessage(), journal.describe(flight.key));
                nonces.skipTo(taken.next());
                continue;
            }
            nonces.giveBack(flight.nonce);
            flight.nonce = -1;
            outcomes.fail(flight, refusal);
            return null;
        }
    }

    /** Signs the flight with its nonce, gas and fees; a new signature's hash joins those whose receipts are looked for. */
    Signer.SignedTransaction sign(Flight flight) {
        Signer.SignedTransaction tx = signer.sign(flight.nonce, flight.call.to(), flight.call.data(), flight.gasLimit, flight.fees);
        if (!flight.hashes.contains(tx.hash())) {
            flight.hashes.add(tx.hash());
        }
        return tx;
    }

    /**
     * Broadcasts again flights the node has not mined in time: replacements with higher fees where the
     * last answer asked for them, the same bytes otherwise.
     *
     * @return whether the node said a nonce is used, so receipts must be looked up before anything is sent again
     */
    boolean resend(List<Flight> due) {
        Fees market = feeOracle.current();
        List<Signer.SignedTransaction> signed = new ArrayList<>(due.size());
        List<CompletableFuture<Void>> recorded = new ArrayList<>();
        for (Flight flight : due) {
            if (flight.bumpNext) {
                flight.fees = flight.fees.bumped().atLeast(market);
            }
            int known = flight.hashes.size();
            signed.add(sign(flight));
            if (flight.hashes.size() > known) {
                // A new signature is recorded before it is broadcast: after a crash, its receipt is
                // still looked for, so a replacement that got mined is never taken for a lost nonce.
                recorded.add(journal.record(flight.key, ChainHop.SENT, flight.detail(signer)));
            }
        }
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
        return broadcast(due, signed);
    }

    /**
     * Broadcasts signed transactions in one request and sets when each is sent next.
     *
     * @return whether the node said a nonce is used, so receipts must be looked up before anything is sent again
     */
    private boolean broadcast(List<Flight> batch, List<Signer.SignedTransaction> signed) {
        List<RpcReply> replies;
        try {
            replies = node.batchAndWait(signed.stream().map(tx -> Eth.sendRawCall(tx.raw())).toList());
        } catch (RpcUnreachableException e) {
            // Whether the node got them is unknown: the same bytes are sent again soon; a copy the
            // node already has is answered "already known" and changes nothing.
            node.down(e);
            long retryAt = System.nanoTime() + UNREACHABLE_RETRY.toNanos();
            batch.forEach(flight -> {
                flight.nextAttemptAt = retryAt;
                flight.bumpNext = false;
            });
            return false;
        }
        long now = System.nanoTime();
        boolean checkReceipts = false;
        for (int i = 0; i < batch.size(); i++) {
            checkReceipts |= onSendReply(batch.get(i), signed.get(i), replies.get(i), now);
        }
        return checkReceipts;
    }

    private boolean onSendReply(Flight flight, Signer.SignedTransaction tx, RpcReply reply, long now) {
        SendAnswer answer = SendAnswer.of(reply.error());
        ResendPolicy.Decision next = resendPolicy.after(answer);
        flight.nextAttemptAt = now + next.after().toNanos();
        flight.bumpNext = next.bump();
        if (answer == SendAnswer.REFUSED) {
            LOG.warn("node refused the transaction of {} (nonce {}), sent again in {}: {}",
                    journal.describe(flight.key), flight.nonce, next.after(), reply.error().getMessage());
        }
        if (!reply.isError() && reply.result().isTextual() && !reply.result().asText().equalsIgnoreCase(tx.hash())) {
            // The node hashed other bytes than were signed (a node or proxy that re-encodes): its hash
            // is the one a receipt will carry, so it is looked for too.
            LOG.warn("node answered hash {} for the transaction of {} signed as {}; both are looked for",
                    reply.result().asText(), journal.describe(flight.key), tx.hash());
            flight.hashes.add(reply.result().asText());
        }
        return next.checkReceipts();
    }
}
