package org.energyweb.chain.tx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.chain.rpc.RevertException;
import org.energyweb.chain.rpc.RpcCall;
import org.energyweb.chain.rpc.RpcReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows broadcast flights to their end: polls receipts, records {@code mined}, waits for the
 * confirmation depth (checking the block is still canonical), records {@code confirmed}, and has
 * the sender broadcast again what is not mined in time. A nonce is only given up when the chain
 * shows it used by a transaction that is not one of ours. Used by one thread only.
 */
final class ReceiptTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptTracker.class);
    private final NodeLink node;
    private final Signer signer;
    private final NonceManager nonces;
    private final TransactionJournal journal;
    private final Outcomes outcomes;
    private final TransactionSender sender;
    private final int confirmations;
    /**
     * {@code energyweb_chain_gas_used_total}: gas of every transaction that ended, confirmed or reverted (a revert
     * spends gas too), counted once when it ends, so a block reorganised away is not counted twice.
     */
    private final Counter gasUsed;
    /** What is broadcast and not yet confirmed. */
    private final Map<Long, Flight> active = new LinkedHashMap<>();
    /** The block receipts were last looked up at. */
    private long polledHead = -1;
    private boolean receiptsDue;

    ReceiptTracker(NodeLink node, Signer signer, NonceManager nonces, TransactionJournal journal, Outcomes outcomes,
                   TransactionSender sender, int confirmations, MeterRegistry metrics) {
        this.node = node;
        this.signer = signer;
        this.nonces = nonces;
        this.journal = journal;
        this.outcomes = outcomes;
        this.sender = sender;
        this.confirmations = confirmations;
        // One counter per registry: the pipelines of one gateway (readings, batches, checkpoints) add to the same.
        this.gasUsed = Counter.builder("energyweb.chain.gas.used")
                .description("Gas used by anchoring transactions that were confirmed or reverted").register(metrics);
    }

    /** Follows a flight the sender broadcast (or resumed); its receipts are looked up at the next round. */
    void follow(Flight flight) {
        active.put(flight.key, flight);
        receiptsDue = true;
    }

    boolean idle() {
        return active.isEmpty();
    }

    /**
     * One round: receipts, confirmations, resends.
     *
     * @return flights whose nonce another transaction took: to be sent again with a new nonce
     */
    List<Flight> track() {
        List<Flight> renonce = List.of();
        long head = node.eth.blockNumber();
        // A receipt only appears with a new block; between blocks only what is new or in doubt is looked up.
        if (head != polledHead || receiptsDue) {
            receiptsDue = false;
            Set<Flight> unknown = pollReceipts();
            polledHead = head;
            // An error is no answer: asked again next round rather than at the next block, which may not come soon.
            receiptsDue = !unknown.isEmpty();
            renonce = reclaimTakenNonces(unknown);
        }
        for (Flight flight : active.values()) {
            if (flight.isMined()) {
                head = Math.max(head, flight.minedBlock);
            }
        }
        confirm(head);
        resendDue();
        return renonce;
    }

    /**
     * Looks up the receipts of every hash of every unmined flight.
     *
     * @return the flights the node answered an error for, about any of their hashes: whether they are
     *         mined is unknown, which is not the same as not mined
     */
    private Set<Flight> pollReceipts() {
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
        List<RpcReply> replies = node.batchAndWait(calls);
        Set<Flight> unknown = new HashSet<>();
        for (int i = 0; i < replies.size(); i++) {
            Flight flight = owners.get(i);
            if (replies.get(i).isError()) {
                unknown.add(flight);
            } else if (!flight.isMined()) {
                Receipt.parse(replies.get(i).result()).ifPresent(r -> onMined(flight, r));
            }
        }
        return unknown;
    }

    private void onMined(Flight flight, Receipt receipt) {
        if (!receipt.succeeded()) {
            gasUsed.increment(receipt.gasUsed().doubleValue());
            active.remove(flight.key);
            outcomes.reject(flight, revertReason(flight, receipt));
            return;
        }
        flight.minedBlock = receipt.blockNumber();
        flight.minedBlockHash = receipt.blockHash();
        flight.minedTransaction = receipt.transactionHash();
        flight.minedGasUsed = receipt.gasUsed();
        flight.nonceSeenTaken = false;
        journal.record(flight.key, ChainHop.MINED, flight.detail(signer));
    }

    /** Why a mined transaction reverted: the call replayed on the state before its block. */
    private String revertReason(Flight flight, Receipt receipt) {
        String before = Numeric.encodeQuantity(BigInteger.valueOf(Math.max(0, receipt.blockNumber() - 1)));
        try {
            node.eth.call(signer.address(), flight.call.to(), flight.call.data(), before);
            return "reverted in block " + receipt.blockNumber();
        } catch (RevertException e) {
            return e.reason();
        }
    }

    private void confirm(long head) {
        List<Flight> deepEnough = new ArrayList<>();
        for (Flight flight : active.values()) {
            if (flight.isMined() && head >= flight.minedBlock + confirmations - 1) {
                deepEnough.add(flight);
            }
        }
        if (deepEnough.isEmpty()) {
            return;
        }
        if (confirmations > 1) {
            deepEnough = stillCanonical(deepEnough);
        }
        for (Flight flight : deepEnough) {
            active.remove(flight.key);
            gasUsed.increment(flight.minedGasUsed.doubleValue());
            outcomes.confirmWhen(flight, journal.record(flight.key, ChainHop.CONFIRMED, flight.detail(signer)));
        }
    }

    /**
     * Those whose receipt is still in the same block; the others were reorganised away and wait again.
     * A flight the node answered an error for is neither: it is looked at again next round.
     */
    private List<Flight> stillCanonical(List<Flight> candidates) {
        List<RpcReply> replies = node.batchAndWait(candidates.stream().map(f -> Eth.receiptCall(f.minedTransaction)).toList());
        List<Flight> canonical = new ArrayList<>();
        int undone = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Flight flight = candidates.get(i);
            if (replies.get(i).isError()) {
                continue;
            }
            Optional<Receipt> receipt = Receipt.parse(replies.get(i).result());
            if (receipt.isPresent() && receipt.get().blockHash().equals(flight.minedBlockHash)) {
                canonical.add(flight);
            } else {
                undone++;
                flight.unmine();
                flight.nextAttemptAt = System.nanoTime();
                receiptsDue = true;
                journal.record(flight.key, ChainHop.SENT, flight.detail(signer));
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
     * flight is sent again with a new one. So does a nonce no transaction took: a node restarted
     * from a state file whose account nonces ran ahead of its blocks (anvil writes such files
     * under load) counts it as used, and nothing can be mined with it any more. Only a lookup the
     * node answered counts: a flight in {@code unknown} keeps its mark and waits for an answer, since
     * taking an error for "no receipt" would send a mined transaction again, anchoring it twice.
     */
    private List<Flight> reclaimTakenNonces(Set<Flight> unknown) {
        List<Flight> unmined = active.values().stream().filter(f -> !f.isMined()).toList();
        if (unmined.isEmpty()) {
            return List.of();
        }
        long used = node.eth.transactionCount(signer.address(), "latest");
        List<Flight> renonce = new ArrayList<>();
        for (Flight flight : unmined) {
            if (unknown.contains(flight)) {
                continue;
            }
            if (flight.nonce >= used) {
                flight.nonceSeenTaken = false;
            } else if (flight.nonceSeenTaken) {
                LOG.warn("nonce {} of {} is used on chain, not by the transaction of {}; it gets a new nonce",
                        flight.nonce, signer.address(), journal.describe(flight.key));
                active.remove(flight.key);
                flight.forgetNonce();
                nonces.skipTo(used);
                renonce.add(flight);
            } else {
                flight.nonceSeenTaken = true;
                receiptsDue = true;
            }
        }
        return renonce;
    }

    /** Drops the flights another process took over ({@link TransactionJournal#relinquished}); returns the others. */
    private List<Flight> withoutRelinquished(List<Flight> due) {
        if (due.isEmpty()) {
            return due;
        }
        Set<Long> gone = journal.relinquished(due.stream().map(f -> f.key).toList());
        if (gone.isEmpty()) {
            return due;
        }
        List<Flight> ours = new ArrayList<>(due.size());
        for (Flight flight : due) {
            if (gone.contains(flight.key)) {
                active.remove(flight.key);
                outcomes.fail(flight, new IllegalStateException(journal.describe(flight.key)
                        + " was taken over by another process; this one no longer sends it"));
            } else {
                ours.add(flight);
            }
        }
        LOG.warn("{} transaction(s) taken over by another process are no longer sent from here", gone.size());
        return ours;
    }

    /** Has the sender broadcast again what is due and whose nonce the chain has not used yet. */
    private void resendDue() {
        long now = System.nanoTime();
        List<Flight> due = active.values().stream()
                .filter(f -> !f.isMined() && f.nextAttemptAt <= now)
                .sorted(Comparator.comparingLong(f -> f.nonce))
                .toList();
        if (due.isEmpty()) {
            return;
        }
        long used = node.eth.transactionCount(signer.address(), "latest");
        List<Flight> resend = withoutRelinquished(due.stream().filter(f -> f.nonce >= used).toList());
        if (resend.isEmpty()) {
            return;
        }
        if (sender.resend(resend)) {
            receiptsDue = true;
        }
    }
}
