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

/**
 * Signs a checkpoint on each poll where the log has grown since the last one (or none exists yet), has it cosigned by
 * the configured witnesses (c2sp.org/tlog-witness), and emits it.
 */
class TransparencyLogConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TransparencyLogConsumer.class);

    private NoteSigner signer;
    private LedgerLog log;
    private KeptCheckpoints kept;
    /** The witnesses asked to cosign each checkpoint, or null. */
    private CheckpointWitnesses witnesses;
    private long signedSize = -1;

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
        SignedNote latest = log.latestCheckpoint().filter(note -> Checkpoint.parse(note.text()).origin().equals(signer.name())).orElse(null);
        if (latest != null) {
            // Signed just before a kill that came before it was kept: kept now, so every signed size has its note.
            kept.keep(latest);
        }
        signedSize = latest == null ? -1 : Checkpoint.parse(latest.text()).size();
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        if (log.size() == signedSize) {
            return 0;
        }
        SignedNote note = log.checkpoint(signer);
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        int cosignatures = 0;
        if (witnesses != null) {
            CheckpointWitnesses.Cosigned cosigned = witnesses.cosign(note, log.tiles());
            // A witness that refuses is news (it may hold another history of this log), never a reason to stop the log.
            cosigned.refusals().forEach(refusal -> LOG.warn("checkpoint of size {} not cosigned: {}", checkpoint.size(), refusal));
            cosignatures = cosigned.cosignatures();
            note = cosigned.note();
            log.publish(note);
        }
        kept.keep(note);
        signedSize = checkpoint.size();
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
        return 1;
    }
}
