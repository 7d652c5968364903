package org.energyweb.fleet.worker;

import io.micrometer.core.instrument.MeterRegistry;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.Anchored;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.chain.tx.TxCall;
import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.fleet.store.FencedException;
import org.energyweb.fleet.store.FleetJournal;
import org.energyweb.fleet.store.PartitionClaim;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Credentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Anchors a worker's formed batches on the {@code ReadingAnchor} contract with the service's own key,
 * one {@code anchor(root, size, firstOffset, lastOffset, manifestCid)} transaction each, through the
 * gateway's {@link TransactionPipeline} (nonces, signing, broadcast, fee bumping, receipts) with the
 * batches' transactions kept in PostgreSQL by a {@link FleetJournal}. Each batch's manifest goes to
 * IPFS before its transaction, so the CID on chain can be fetched.
 *
 * <p>It works on events, not a timer: {@link #takeDue()} says whether anything changed since the
 * last pass (a partition claimed, a batch formed, a transaction ended); the worker then looks at all
 * its partitions' open batches in one query each.
 */
final class ChainAnchoring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainAnchoring.class);

    /**
     * @param contract    the {@code ReadingAnchor} contract's address
     * @param resendAfter how long a transaction may stay unmined before it is replaced with higher fees
     */
    record Options(String contract, Duration resendAfter) {
    }

    private final Eth eth;
    private final FleetJournal journal;
    private final TransactionPipeline pipeline;
    private final Options options;
    /** Null when no IPFS node is configured: the manifest's CID still goes on chain, computed locally. */
    private final IpfsClient ipfs;
    /** Batches handed to the pipeline by this worker and not ended yet. */
    private final Set<Long> submitted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean due = new AtomicBoolean(true);
    private final Queue<FencedException> fenced = new ConcurrentLinkedQueue<>();
    /** Claims whose partition's anchored batches are not yet compared with the chain. */
    private final Queue<PartitionClaim> unchecked = new ConcurrentLinkedQueue<>();

    private ChainAnchoring(Eth eth, FleetJournal journal, TransactionPipeline pipeline, Options options, IpfsClient ipfs) {
        this.eth = eth;
        this.journal = journal;
        this.pipeline = pipeline;
        this.options = options;
        this.ipfs = ipfs;
    }

    /** @param metrics where the gas of the worker's transactions is counted ({@code energyweb_chain_gas_used_total}, as a gateway's) */
    static ChainAnchoring start(Eth eth, Credentials credentials, String jdbcUrl, Options options, IpfsClient ipfs, MeterRegistry metrics) {
        FleetJournal journal = new FleetJournal(jdbcUrl);
        try {
            TransactionPipeline pipeline = TransactionPipeline.start(eth, credentials, journal, TransactionPipeline.Options.DEFAULT
                    .withGas(GasPolicy.DEFAULT).withResendAfter(options.resendAfter()), metrics);
            return new ChainAnchoring(eth, journal, pipeline, options, ipfs);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * The worker claimed a partition: its batches' transactions may be recorded, its open batches are
     * looked at, and the next {@link #submit} first rewinds its batches the chain lost. The pipeline's
     * own look for lost transactions, at its start, rewinds only partitions owned then (none, at a
     * worker's start); each partition's are its owner's to rewind, under its claim.
     */
    void own(PartitionClaim claim) {
        journal.own(claim);
        unchecked.add(claim);
        due.set(true);
    }

    void disown(String topic, int partition) {
        journal.disown(topic, partition);
        unchecked.removeIf(claim -> claim.topic().equals(topic) && claim.partition() == partition);
    }

    /** Something changed (a batch formed, a pass failed): the next pass looks at the open batches. */
    void changed() {
        due.set(true);
    }

    /** Whether anything changed since the last call. */
    boolean takeDue() {
        return due.getAndSet(false);
    }

    /**
     * The partitions whose batches' transactions the journal refused to record since the last call:
     * another worker owns them. A refusal under a claim this worker has since replaced with a newer one
     * of its own (a rebalance gave the partition back while the transaction was in flight) says nothing
     * about the claim now held: the batch is only handed on again, under the new claim.
     */
    List<FencedException> fenced() {
        List<FencedException> lost = new ArrayList<>();
        for (FencedException f; (f = fenced.poll()) != null; ) {
            PartitionClaim current = journal.claim(f.topic(), f.partition());
            if (current != null && f.predates(current)) {
                LOG.info("{}; this worker owns the partition again (epoch {}), the batch is handed on once more", f.getMessage(),
                        current.epoch());
                due.set(true);
            } else {
                lost.add(f);
            }
        }
        return lost;
    }

    /**
     * Hands each batch not yet on its way from this worker to the pipeline, its manifest stored on
     * IPFS first. A batch another worker had in flight is carried on from its recorded transaction.
     */
    void submit(List<BatchChainStore.Formed> batches, BatchChainStore store) {
        rewindLost();
        for (BatchChainStore.Formed batch : batches) {
            if (!submitted.add(batch.id())) {
                continue;
            }
            try {
                if (ipfs != null) {
                    ipfs.add(store.manifest(batch), Cid.parse(batch.manifestCid()), true);
                }
            } catch (RuntimeException e) {
                submitted.remove(batch.id());
                throw e;
            }
            String data = FunctionEncoder.encode(ReadingAnchorContract.anchor(batch.root(), batch.size(), batch.firstOffset(),
                    batch.lastOffset(), batch.manifestCid()));
            pipeline.submit(batch.id(), new TxCall(options.contract(), data))
                    .whenComplete((anchored, failure) -> ended(batch, anchored, failure));
        }
    }

    /** Rewinds the newly claimed partitions' batches whose block the chain no longer holds; they are handed on at the next pass. */
    private void rewindLost() {
        for (PartitionClaim claim; (claim = unchecked.peek()) != null; unchecked.remove()) {
            List<Long> lost;
            try {
                lost = journal.rewindLost(claim, pipeline.chainId(),
                        mined -> eth.block(mined.block()).map(block -> block.hash().equalsIgnoreCase(mined.blockHash())).orElse(false));
            } catch (FencedException claimedSince) {
                // the partition's new owner rewinds them
                unchecked.remove();
                throw claimedSince;
            }
            if (!lost.isEmpty()) {
                LOG.warn("the chain no longer holds the blocks of {} anchored batch(es) of {}-{} (a dev chain restarted without its "
                        + "state, or a reorganisation deeper than the confirmations): they are anchored again", lost.size(),
                        claim.topic(), claim.partition());
                due.set(true);
            }
        }
    }

    private void ended(BatchChainStore.Formed batch, Anchored anchored, Throwable failure) {
        submitted.remove(batch.id());
        Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
        if (cause == null) {
            LOG.info("batch {} of {}-{} anchored in block {} by {}", batch.id(), batch.topic(), batch.partition(), anchored.blockNumber(),
                    anchored.transactionHash());
        } else if (cause instanceof FencedException lost) {
            fenced.add(lost);
        } else {
            LOG.warn("batch {} of {}-{}: {}", batch.id(), batch.topic(), batch.partition(), cause.getMessage());
        }
        due.set(true);
    }

    /** Stops sending; what is in flight stays in the journal for whoever owns its partition next. */
    @Override
    public void close() {
        pipeline.close();
        journal.close();
    }
}
