package org.energyweb.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.tx.Anchored;
import org.energyweb.chain.tx.AnchoringWorker;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.chain.tx.TransactionRejectedException;
import org.energyweb.chain.tx.TxCall;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Batches;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.ReadingDigest;
import org.energyweb.proof.LeafKind;
import org.energyweb.proof.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anchors the ledger's readings in Merkle batches, one {@code anchor} transaction per batch.
 *
 * <p>A batch is the next readings after the last batched position, in ledger order: formed once
 * {@code batchSize} readings wait, or when the oldest waiting reading is {@code batchInterval} old.
 * Every step is recorded before the next one starts: the batch with its root and its readings
 * ({@code formed}), the manifest's CID ({@code manifest-stored}), the transaction's nonce and hashes
 * (by the {@link TransactionPipeline}, in the {@link BatchJournal}), then {@code confirmed} with the
 * block. A restart resumes every unfinished batch from its recorded step with the same positions and
 * root, and a new batch can only start after the last batched position, so no reading is anchored twice.
 */
public final class BatchAnchorer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchAnchorer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param batchSize     readings that make a batch at once (at most {@link MerkleTree#MAX_LEAVES})
     * @param batchInterval the longest a ledgered reading waits for a batch to fill
     */
    public record Options(int batchSize, Duration batchInterval, LeafKind leafKind) {

        public Options {
            if (batchSize < 1 || batchSize > MerkleTree.MAX_LEAVES) {
                throw new IllegalArgumentException("batchSize must be between 1 and " + MerkleTree.MAX_LEAVES + ", not " + batchSize);
            }
            if (batchInterval.isNegative() || batchInterval.isZero()) {
                throw new IllegalArgumentException("batchInterval must be positive");
            }
        }
    }

    private final Ledger ledger;
    private final Batches batches;
    private final TransactionPipeline pipeline;
    private final String contract;
    private final ManifestStore manifests;
    private final TreeTopStore treeTops;
    private final Options options;
    /** Null for document-sha256 batches. */
    private final byte[] fieldSecret;
    /** Batches handed to the pipeline in this process, so each is submitted once. */
    private final Set<Long> submitted = ConcurrentHashMap.newKeySet();
    private final AnchoringWorker worker;

    private BatchAnchorer(Ledger ledger, TransactionPipeline pipeline, String contract, ManifestStore manifests, Options options) {
        this.ledger = ledger;
        this.batches = ledger.batches();
        this.pipeline = pipeline;
        this.contract = contract;
        this.manifests = manifests;
        this.treeTops = new TreeTopStore(ledger.dataDir());
        this.options = options;
        this.fieldSecret = options.leafKind() == LeafKind.FIELD_ROOT ? FieldSaltSecret.loadOrCreate(ledger.dataDir()) : null;
        this.worker = new AnchoringWorker("Merkle anchoring", this::step,
                Duration.ofMillis(Math.max(10, Math.min(options.batchInterval().toMillis(), 200))), LOG);
    }

    /**
     * Starts anchoring: unfinished batches first, then new ones as readings arrive.
     *
     * @param pipeline a pipeline journaling in a {@link BatchJournal} of {@code ledger}
     * @param contract the {@code ReadingAnchor} contract's address
     */
    public static BatchAnchorer start(Ledger ledger, TransactionPipeline pipeline, String contract, ManifestStore manifests, Options options) {
        BatchAnchorer anchorer = new BatchAnchorer(ledger, pipeline, contract, manifests, options);
        anchorer.worker.start();
        return anchorer;
    }

    /** Tells the anchorer new readings are in the ledger, so a full batch is formed without waiting for the next tick. */
    public void wakeUp() {
        worker.wakeUp();
    }

    private void step() {
        resumeUnfinished();
        while (worker.running() && formNext()) {
            resumeUnfinished();
        }
    }

    /** Forms the next batch if one is due; returns whether it did. */
    private boolean formNext() {
        long after = batches.lastBatchedPosition();
        if (!due(after)) {
            return false;
        }
        List<ReadingDigest> waiting = batches.digestsAfter(after, options.batchSize());
        if (waiting.isEmpty()) {
            return false;
        }
        boolean full = waiting.size() == options.batchSize();
        boolean old = System.currentTimeMillis() - waiting.get(0).appendedAtMillis() >= options.batchInterval().toMillis();
        if (!full && !old) {
            return false;
        }
        long first = waiting.get(0).position();
        long last = waiting.get(waiting.size() - 1).position();
        List<BatchLeaf> leaves = options.leafKind() == LeafKind.DOCUMENT_SHA256
                ? BatchLeaves.ofDigests(waiting)
                : BatchLeaves.between(batches, options.leafKind(), fieldSecret, first, last);
        MerkleTree tree = MerkleTree.ofLeafInputs(BatchLeaves.inputs(leaves));
        byte[] root = tree.root();
        keepTop(tree);
        BatchRecord batch = new BatchRecord(batches.nextId(), first, last, leaves.size(), options.leafKind().manifestName(), root,
                BatchHop.FORMED, null, null);
        ledger.batches().form(batch).join();
        storeManifest(batch, leaves);
        return true;
    }

    /**
     * Whether a batch may be due, from two cheap lookups, so that waiting for a million readings does
     * not read the waiting ones again at every tick. The ledger's size counts positions, an upper
     * bound of the readings after {@code after}, so a full batch is never missed.
     */
    private boolean due(long after) {
        long waiting = ledger.size() - after;
        if (waiting <= 0) {
            return false;
        }
        if (waiting >= options.batchSize()) {
            return true;
        }
        List<ReadingDigest> oldest = batches.digestsAfter(after, 1);
        return !oldest.isEmpty() && System.currentTimeMillis() - oldest.get(0).appendedAtMillis() >= options.batchInterval().toMillis();
    }

    /** Keeps the tree's top for proofs; only a cache, so failing to write it does not hold anchoring up. */
    private void keepTop(MerkleTree tree) {
        try {
            treeTops.keep(tree);
        } catch (UncheckedIOException e) {
            LOG.warn("{}; proofs of this batch will rebuild its tree", e.getMessage());
        }
    }

    private void resumeUnfinished() {
        for (BatchRecord batch : batches.unfinished(BatchHop.FINAL)) {
            if (batch.state().equals(BatchHop.FORMED)) {
                LeafKind kind = LeafKind.fromManifestName(batch.leafKind());
                storeManifest(batch, BatchLeaves.between(batches, kind, kind == LeafKind.FIELD_ROOT ? fieldSecret() : null,
                        batch.firstPosition(), batch.lastPosition()));
            } else if (batch.state().equals(BatchHop.MANIFEST_STORED) && submitted.add(batch.id())) {
                submit(batch);
            }
        }
    }

    private byte[] fieldSecret() {
        return fieldSecret != null ? fieldSecret : FieldSaltSecret.load(ledger.dataDir());
    }

    private void storeManifest(BatchRecord batch, List<BatchLeaf> leaves) {
        String cid = manifests.store(BatchManifest.json(LeafKind.fromManifestName(batch.leafKind()), leaves, batch.root())).toString();
        ledger.batches().advance(batch.id(), BatchHop.MANIFEST_STORED, cid, null).join();
        BatchRecord stored = new BatchRecord(batch.id(), batch.firstPosition(), batch.lastPosition(), batch.size(), batch.leafKind(),
                batch.root(), BatchHop.MANIFEST_STORED, cid, null);
        if (submitted.add(batch.id())) {
            submit(stored);
        }
    }

    private void submit(BatchRecord batch) {
        TxCall call = new TxCall(contract, FunctionEncoder.encode(ReadingAnchorContract.anchor(batch.root(), batch.size(),
                batch.firstPosition(), batch.lastPosition(), batch.manifestCid())));
        pipeline.submit(batch.id(), call).whenComplete((anchored, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause == null) {
                confirmed(batch, anchored);
            } else if (cause instanceof TransactionRejectedException rejected) {
                String reason = JSON.createObjectNode().put("reason", rejected.reason()).toString();
                ledger.batches().advance(batch.id(), BatchHop.DEAD, null, reason);
            } else {
                // The pipeline closed; the batch resumes from the ledger on the next start.
                submitted.remove(batch.id());
            }
        });
    }

    private void confirmed(BatchRecord batch, Anchored anchored) {
        String anchor = JSON.createObjectNode()
                .put("chainId", pipeline.chainId())
                .put("contract", contract)
                .put("tx", anchored.transactionHash())
                .put("block", anchored.blockNumber())
                .put("blockHash", anchored.blockHash())
                .toString();
        ledger.batches().advance(batch.id(), BatchHop.CONFIRMED, null, anchor)
                .whenComplete((done, failure) -> {
                    if (failure == null) {
                        LOG.info("batch {}: {} readings (positions {}-{}) anchored in block {} by {}", batch.id(), batch.size(),
                                batch.firstPosition(), batch.lastPosition(), anchored.blockNumber(), anchored.transactionHash());
                    }
                });
    }

    /** Stops forming batches. What is in flight stays recorded and resumes on the next start. */
    @Override
    public void close() {
        worker.close();
    }
}
