package org.energyweb.tlog.anchor;

import org.energyweb.chain.origin.ReadingAnchorContract;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.Anchored;
import org.energyweb.chain.tx.AnchoringWorker;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.chain.tx.TransactionRejectedException;
import org.energyweb.chain.tx.TxCall;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.StoreResult;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Hops;
import org.energyweb.ledger.Ledger;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.SignedNote;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * Anchors the gateway's signed log checkpoints on a {@code ReadingAnchor} contract: the kept note's exact bytes
 * ({@link KeptCheckpoints}, the outbox) go to IPFS, then {@code anchorCheckpoint(origin, size, root, cid)} goes
 * through the {@link TransactionPipeline}, journaled by tree size in a {@link CheckpointJournal}.
 *
 * <p>At most one checkpoint is in flight. When it is done, the newest kept checkpoint that is larger than every size
 * recorded on the journal's hop and than the contract's {@code logHead}, and that carries {@code witnessQuorum}
 * witness cosignatures, is next; the ones signed meanwhile are skipped, since the contract keeps only a log's latest
 * checkpoint and refuses a size that does not grow. A size is recorded (with its nonce) before its transaction is
 * sent, so after a kill the pipeline resumes that same transaction and nothing is anchored twice; a refused size is
 * recorded dead and never sent again.
 *
 * <p>A tick costs no I/O while nothing is new: the kept checkpoints are listed (above the last size considered) at
 * start, when {@link #wakeUp() woken} for a new one, and every {@value #STEPS_BETWEEN_LISTINGS} steps for one kept
 * without a wake-up (the log's start keeps the checkpoint a kill left unkept); the journal is read only when there is a
 * kept size not yet considered. A size once considered is not read again: a kept note is final, so one without the
 * quorum never gets it.
 */
public final class CheckpointAnchorer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointAnchorer.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    /** Steps (ticks and wake-ups) after which the kept checkpoints are listed even without a wake-up: about a minute. */
    static final int STEPS_BETWEEN_LISTINGS = 60;
    /** The CIDv1 (raw leaves) that {@code ipfs add --cid-version=1} gives, as for reading documents and batch manifests. */
    private static final UnixFsOptions CID_OPTIONS = UnixFsOptions.forCidVersion(1);
    private static final List<String> RECORDED = Stream.concat(ChainHop.IN_FLIGHT.stream(), ChainHop.FINAL.stream()).toList();

    /**
     * @param witnessQuorum witness cosignatures a checkpoint note must carry to be anchored (0: none needed)
     */
    public record Options(int witnessQuorum) {

        public Options {
            if (witnessQuorum < 0) {
                throw new IllegalArgumentException("witnessQuorum must not be negative, not " + witnessQuorum);
            }
        }
    }

    private final Ledger ledger;
    private final KeptCheckpoints kept;
    private final Eth eth;
    private final TransactionPipeline pipeline;
    private final String contract;
    private final IpfsSync ipfs;
    private final Options options;
    private final AnchoringWorker worker;
    /** The kept sizes above a given one, ascending: {@link KeptCheckpoints#sizesAbove}. */
    private final LongFunction<List<Long>> keptAbove;
    /** Whether a checkpoint may have been kept since the last listing: set at start and by {@link #wakeUp()}. */
    private final AtomicBoolean keptMayHaveGrown = new AtomicBoolean(true);
    /** Kept sizes listed and not yet considered; the worker thread's own. */
    private final TreeSet<Long> unconsidered = new TreeSet<>();
    /**
     * The largest kept size considered: each kept size up to it was anchored, or is too small to be anchored, or lacks
     * the quorum (for good, its note being final). The worker thread's own.
     */
    private long considered = -1;
    /** Steps since the last listing; the worker thread's own. */
    private int stepsSinceListing;
    /** The newest size found without its quorum, so that it is reported once. */
    private volatile long reportedWithoutQuorum = -1;
    private volatile String waitingFor;
    private volatile long anchoredSize;
    /**
     * {@code energyweb_log_checkpoint_waiting_quorum} (1 while the newest kept checkpoint lacks the witness quorum) and
     * {@code energyweb_log_checkpoint_anchored_size} (the size last confirmed by this process), per data folder, in
     * the gateway's registry.
     */
    private final List<Gauge> gauges;
    private final MeterRegistry metrics;

    /** Not started: {@link #start} starts its worker; a test takes its steps ({@link #anchorNext()}) itself. */
    CheckpointAnchorer(Ledger ledger, Eth eth, TransactionPipeline pipeline, String contract, IpfsSync ipfs, Options options,
                       MeterRegistry metrics, LongFunction<List<Long>> keptAbove) {
        this.ledger = ledger;
        this.kept = new KeptCheckpoints(ledger.dataDir());
        this.keptAbove = keptAbove;
        this.eth = eth;
        this.pipeline = pipeline;
        this.contract = contract;
        this.ipfs = ipfs;
        this.options = options;
        this.worker = new AnchoringWorker("Checkpoint anchoring", this::anchorNext, TICK, LOG);
        this.metrics = metrics;
        String folder = ledger.dataDir().toString();
        this.gauges = List.of(
                Gauge.builder("energyweb.log.checkpoint.waiting.quorum", this, anchorer -> anchorer.waitingFor == null ? 0 : 1)
                        .description("1 while the newest kept log checkpoint lacks the witness quorum and is not anchored")
                        .tag("dataDir", folder).register(metrics),
                Gauge.builder("energyweb.log.checkpoint.anchored.size", this, anchorer -> anchorer.anchoredSize)
                        .description("Tree size of the log checkpoint last anchored (confirmed) by this gateway process")
                        .tag("dataDir", folder).register(metrics));
    }

    /**
     * Starts anchoring the checkpoints kept in {@code ledger}'s data folder.
     *
     * @param pipeline a pipeline journaling in a {@link CheckpointJournal} of {@code ledger}
     * @param contract the {@code ReadingAnchor} contract's address
     * @param ipfs     where the checkpoint notes are stored (its {@link IpfsSync#push} only: the kept notes are the outbox)
     * @param metrics  where its gauges go: the gateway's own registry (its CamelContext's)
     */
    public static CheckpointAnchorer start(Ledger ledger, Eth eth, TransactionPipeline pipeline, String contract, IpfsSync ipfs,
                                           Options options, MeterRegistry metrics) {
        KeptCheckpoints kept = new KeptCheckpoints(ledger.dataDir());
        CheckpointAnchorer anchorer = new CheckpointAnchorer(ledger, eth, pipeline, contract, ipfs, options, metrics, kept::sizesAbove);
        anchorer.worker.start();
        return anchorer;
    }

    /** The CID a checkpoint note's exact bytes are stored and anchored under. */
    public static Cid cidOf(byte[] note) {
        return UnixFs.cidOf(note, CID_OPTIONS);
    }

    /** Tells the anchorer a new checkpoint is kept, so it is considered without waiting for the next tick. */
    public void wakeUp() {
        keptMayHaveGrown.set(true);
        worker.wakeUp();
    }

    /** Why the newest kept checkpoint is not being anchored, if it is not (a missing witness quorum). */
    public Optional<String> waitingFor() {
        return Optional.ofNullable(waitingFor);
    }

    /** One step: anchors the newest kept checkpoint worth anchoring, if there is one and none is in flight. */
    void anchorNext() {
        if (pipeline.inFlight() > 0) {
            // One checkpoint at a time (a resumed one too): the next must be larger than whatever this one achieves.
            return;
        }
        boolean listing = keptMayHaveGrown.getAndSet(false) || ++stepsSinceListing >= STEPS_BETWEEN_LISTINGS;
        if (listing) {
            stepsSinceListing = 0;
        }
        if (!listing && unconsidered.isEmpty()) {
            return;
        }
        long last;
        try {
            List<HopState> recorded = ledger.hops().withState(Hops.CHECKPOINT_TRANSACTION_HOP, RECORDED);
            last = recorded.isEmpty() ? 0 : recorded.get(recorded.size() - 1).position();
            if (listing) {
                unconsidered.addAll(keptAbove.apply(Math.max(considered, last)));
            }
        } catch (RuntimeException e) {
            keptMayHaveGrown.compareAndSet(false, listing);
            throw e;
        }
        unconsidered.headSet(last, true).clear();
        for (long size : unconsidered.descendingSet()) {
            Optional<byte[]> kept = this.kept.bytes(size);
            if (kept.isEmpty()) {
                continue;
            }
            byte[] bytes = kept.get();
            SignedNote note = SignedNote.parse(new String(bytes, StandardCharsets.UTF_8));
            Checkpoint checkpoint = Checkpoint.parse(note.text());
            int cosignatures = cosignatures(note, checkpoint);
            if (cosignatures < options.witnessQuorum()) {
                reportWithoutQuorum(size, cosignatures);
                continue;
            }
            if (size == unconsidered.last()) {
                waitingFor = null;
            }
            long head = ReadingAnchorContract.logHead(eth, contract, pipeline.address(), checkpoint.origin()).size();
            if (head < size) {
                anchor(size, checkpoint, bytes);
            }
            // else anchored by this account before its journal was lost, or beyond: the contract would refuse it.
            break;
        }
        if (!unconsidered.isEmpty()) {
            considered = Math.max(considered, unconsidered.last());
            unconsidered.clear();
        }
    }

    /**
     * The distinct witnesses that cosigned the note: its signatures under another name than the log's (c2sp.org/tlog-checkpoint
     * "Signatures": the log's key name matches the origin). The gateway keeps only cosignatures it verified against the
     * configured witnesses' keys (c2sp.org/tlog-cosignature), so each counts as one of those witnesses.
     */
    static int cosignatures(SignedNote note, Checkpoint checkpoint) {
        return (int) note.signatures().stream().map(SignedNote.Signature::name).filter(name -> !name.equals(checkpoint.origin()))
                .distinct().count();
    }

    private void reportWithoutQuorum(long size, int cosignatures) {
        String reason = "checkpoint of size " + size + " has " + cosignatures + " witness cosignatures of the " + options.witnessQuorum()
                + " required (witnessQuorum); it is not anchored";
        if (size > reportedWithoutQuorum) {
            reportedWithoutQuorum = size;
            waitingFor = reason;
            LOG.warn(reason);
        }
    }

    private void anchor(long size, Checkpoint checkpoint, byte[] bytes) {
        Cid cid = cidOf(bytes);
        // Stored before it is anchored: the CID on chain must be fetchable by whoever reads the event.
        if (ipfs.push(bytes, cid) instanceof StoreResult.Failed failed) {
            throw new IllegalStateException("cannot store the checkpoint of size " + size + " on IPFS (" + failed.reason() + "): "
                    + failed.error().getMessage());
        }
        TxCall call = new TxCall(contract, FunctionEncoder.encode(ReadingAnchorContract.anchorCheckpoint(checkpoint.origin(), size,
                checkpoint.root(), cid.toString())));
        pipeline.submit(size, call).whenComplete((anchored, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause == null) {
                confirmed(size, cid, anchored);
            } else if (!(cause instanceof TransactionRejectedException)) {
                LOG.debug("checkpoint of size {} resumes on the next start: {}", size, cause.getMessage());
            }
            worker.wakeUp();
        });
    }

    private void confirmed(long size, Cid cid, Anchored anchored) {
        anchoredSize = Math.max(anchoredSize, size);
        LOG.info("log checkpoint of size {} ({}) anchored in block {} by {}", size, cid, anchored.blockNumber(), anchored.transactionHash());
    }

    /** Stops anchoring. A checkpoint in flight stays recorded and its transaction resumes on the next start. */
    @Override
    public void close() {
        worker.close();
        gauges.forEach(metrics::remove);
    }
}
