package org.energyweb.tlog.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;

import java.util.HexFormat;

/** Signs a checkpoint on each poll where the log has grown since the last one (or none exists yet), and emits it. */
class TransparencyLogConsumer extends ScheduledPollConsumer {

    private NoteSigner signer;
    private LedgerLog log;
    private long signedSize = -1;

    TransparencyLogConsumer(TransparencyLogEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        TransparencyLogEndpoint endpoint = (TransparencyLogEndpoint) getEndpoint();
        signer = endpoint.unlock();
        log = endpoint.log();
        signedSize = log.latestCheckpoint()
                .map(note -> Checkpoint.parse(note.text()))
                .filter(checkpoint -> checkpoint.origin().equals(signer.name()))
                .map(Checkpoint::size).orElse(-1L);
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        if (log.size() == signedSize) {
            return 0;
        }
        SignedNote note = log.checkpoint(signer);
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        signedSize = checkpoint.size();
        Exchange exchange = createExchange(true);
        try {
            exchange.getMessage().setHeader(TransparencyLogConstants.ORIGIN, checkpoint.origin());
            exchange.getMessage().setHeader(TransparencyLogConstants.SIZE, checkpoint.size());
            exchange.getMessage().setHeader(TransparencyLogConstants.ROOT, HexFormat.of().formatHex(checkpoint.root()));
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
