package org.energyweb.chain.camel;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.energyweb.chain.tx.Anchored;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.reading.ReadingDocument;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.CompletionException;

/**
 * Submits the reading to the shared pipeline and completes the exchange asynchronously when its
 * transaction is confirmed, so many readings are in flight while each exchange waits for its own.
 */
public class OriginProducer extends DefaultAsyncProducer {

    private final OriginEndpoint endpoint;
    private TransactionPipeline pipeline;

    OriginProducer(OriginEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pipeline = endpoint.getComponent().pipeline(endpoint.getConfiguration());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            LedgerEntry entry = entry(exchange.getMessage());
            Long headerAsset = exchange.getMessage().getHeader(OriginConstants.ASSET_ID, Long.class);
            Long assetId = headerAsset != null ? headerAsset : endpoint.getConfiguration().getAssetId();
            if (assetId == null) {
                throw new IllegalArgumentException("no asset for this reading: set the endpoint's assetId or the "
                        + OriginConstants.ASSET_ID + " header (one asset per meter)");
            }
            BigInteger asset = BigInteger.valueOf(assetId);
            pipeline.submit(entry.position(), endpoint.getRegistry().meterRead(endpoint.getConfiguration().getContract(), asset, entry.document()))
                    .whenComplete((anchored, failure) -> {
                        if (failure != null) {
                            exchange.setException(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                        } else {
                            setHeaders(exchange.getMessage(), anchored);
                        }
                        callback.done(false);
                    });
            return false;
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /** The reading to anchor: a ledger entry, a reading document (or its bytes) found in the ledger, or a position header. */
    private LedgerEntry entry(Message message) {
        Object body = message.getBody();
        if (body instanceof LedgerEntry entry) {
            return entry;
        }
        Ledger ledger = endpoint.getComponent().ledger();
        if (body instanceof ReadingDocument || body instanceof byte[]) {
            ReadingDocument document = body instanceof ReadingDocument d ? d : ReadingDocument.parse((byte[]) body);
            LedgerEntry entry = ledger.find(document.reading().meter(), document.reading().seq())
                    .orElseThrow(() -> new IllegalArgumentException("reading " + document + " is not in the ledger; append it first"));
            if (!Arrays.equals(entry.document().sha256(), document.sha256())) {
                throw new IllegalArgumentException("reading " + document + " differs from the ledger's " + entry.document());
            }
            return entry;
        }
        Long position = message.getHeader(OriginConstants.LEDGER_POSITION, Long.class);
        if (position != null) {
            return ledger.at(position).orElseThrow(() -> new IllegalArgumentException("no reading at ledger position " + position));
        }
        throw new IllegalArgumentException("origin: needs a ledger entry or reading document as body, or the "
                + OriginConstants.LEDGER_POSITION + " header");
    }

    private static void setHeaders(Message message, Anchored anchored) {
        message.setHeader(OriginConstants.TRANSACTION_HASH, anchored.transactionHash());
        message.setHeader(OriginConstants.BLOCK_NUMBER, anchored.blockNumber());
        message.setHeader(OriginConstants.BLOCK_HASH, anchored.blockHash());
        message.setHeader(OriginConstants.NONCE, anchored.nonce());
        message.setHeader(OriginConstants.LEDGER_POSITION, anchored.position());
    }
}
