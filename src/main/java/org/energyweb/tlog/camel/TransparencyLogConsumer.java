package org.energyweb.tlog.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.KeptCheckpoints;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.witness.CheckpointWitnesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Signs a checkpoint on each poll where the log has grown since the last one (or none exists yet), has it cosigned by
 * the configured witnesses (c2sp.org/tlog-witness) off the poll thread, keeps it ({@link KeptCheckpoints}) and emits it.
 */
class TransparencyLogConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TransparencyLogConsumer.class);

    private NoteSigner signer;
    private LedgerLog log;
    private KeptCheckpoints kept;
    /** The witnesses asked to cosign each checkpoint, or null. */
    private CheckpointWitnesses witnesses;
    private long signedSize = -1;
    /** The thread witnesses are asked on, with them. */
    private ExecutorService cosigning;
    /** The cosigning round under way or done last. */
    private volatile Future<?> round;

    TransparencyLogConsumer(TransparencyLogEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        TransparencyLogEndpoint endpoint = (TransparencyLogEndpoint) getEndpoint();
        signer = endpoint.unlock();
        log = endpoint.log();
        witnesses = endpoint.witnesses().orElse(null);
        kept = new KeptCheckpoints(endpoint.ledgerDataDir());
        kept.migrate();
        SignedNote latest = log.latestCheckpoint().filter(note -> Checkpoint.parse(note.text()).origin().equals(signer.name())).orElse(null);
        signedSize = latest == null ? -1 : Checkpoint.parse(latest.text()).size();
        if (latest != null && kept.at(signedSize).isEmpty()) {
            // Signed just before a kill that came before it was kept. Of the same size as the log, it is signed again
            // (Ed25519 gives the same signature) and put to the witnesses; else it is kept as it was served.
            if (witnesses != null && log.size() == signedSize) {
                signedSize = -1;
            } else {
                kept.keep(latest);
            }
        }
        if (witnesses != null) {
            cosigning = Executors.newSingleThreadExecutor(task -> new Thread(task, "energyweb-checkpoint-cosigning"));
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (cosigning != null) {
            // A round cut short leaves its checkpoint unkept; it is signed and put to the witnesses again on the next start.
            cosigning.shutdownNow();
            cosigning.awaitTermination(10, TimeUnit.SECONDS);
            cosigning = null;
        }
    }

    /**
     * Signs a checkpoint if the log has grown. Without witnesses it is kept and emitted at once; with them, it is put to
     * them on the cosigning thread, off the poll thread, and kept and emitted with their cosignatures when they have
     * answered (or timed out). One round at a time: while one is under way, no new checkpoint is signed.
     */
    @Override
    protected int poll() throws Exception {
        if (round != null && !round.isDone() || log.size() == signedSize) {
            return 0;
        }
        SignedNote note = log.checkpoint(signer);
        signedSize = Checkpoint.parse(note.text()).size();
        if (witnesses == null) {
            keepAndEmit(note, 0);
        } else {
            round = cosigning.submit(() -> {
                try {
                    cosignKeepAndEmit(note);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    getExceptionHandler().handleException("the checkpoint of size " + signedSize + " could not be cosigned and kept", e);
                }
            });
        }
        return 1;
    }

    private void cosignKeepAndEmit(SignedNote note) throws Exception {
        CheckpointWitnesses.Cosigned cosigned = witnesses.cosign(note, log.tiles());
        long size = Checkpoint.parse(note.text()).size();
        // A witness that refuses is news (it may hold another history of this log), never a reason to stop the log.
        cosigned.refusals().forEach(refusal -> LOG.warn("checkpoint of size {} not cosigned: {}", size, refusal));
        log.publish(cosigned.note());
        keepAndEmit(cosigned.note(), cosigned.cosignatures());
    }

    private void keepAndEmit(SignedNote note, int cosignatures) throws Exception {
        kept.keep(note);
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        Exchange exchange = createExchange(true);
        try {
            exchange.getMessage().setHeader(TransparencyLogConstants.ORIGIN, checkpoint.origin());
            exchange.getMessage().setHeader(TransparencyLogConstants.SIZE, checkpoint.size());
            exchange.getMessage().setHeader(TransparencyLogConstants.ROOT, HexFormat.of().formatHex(checkpoint.root()));
            exchange.getMessage().setHeader(TransparencyLogConstants.COSIGNATURES, cosignatures);
            exchange.getMessage().setBody(note.encoded());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("the checkpoint of size " + checkpoint.size() + " failed in the route", exchange,
                        exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
