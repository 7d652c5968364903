package org.energyweb.chain.camel;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.energyweb.chain.tx.Anchored;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.ledger.camel.LedgerConstants;
import org.energyweb.reading.ReadingDocument;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
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
            CompletableFuture<Anchored> anchoring = anchor(exchange.getMessage(), entry(exchange.getMessage()));
            boolean sync = anchoring.isDone();
            anchoring.whenComplete((anchored, failure) -> {
                if (failure != null) {
                    exchange.setException(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                } else {
                    setHeaders(exchange.getMessage(), anchored);
                }
                callback.done(sync);
            });
            return sync;
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private CompletableFuture<Anchored> anchor(Message message, LedgerEntry entry) {
        String contract = endpoint.getConfiguration().getContract();
        BigInteger asset;
        try {
            asset = asset(message, entry);
        } catch (IllegalArgumentException unsendable) {
            // Dead-lettered rather than failed for a retry: retried forever, a reading that can never
            // be sent would hold up the ordered hop for every meter.
            return pipeline.refuse(entry.position(), contract, unsendable.getMessage());
        }
        return pipeline.submit(entry.position(), endpoint.getRegistry().meterRead(contract, asset, entry.document()));
    }

    /**
     * The reading's Origin asset: the {@value OriginConstants#ASSET_ID} header, else the endpoint's
     * assetId. An empty header counts as none, so a route can map meters with a property lookup
     * that has an empty default ({@code ${properties:energyweb.asset.${header.EnergywebMeter}:}}).
     *
     * @throws IllegalArgumentException when there is none or it is not a number: the reading cannot be sent
     */
    private BigInteger asset(Message message, LedgerEntry entry) {
        String header = message.getHeader(OriginConstants.ASSET_ID, String.class);
        if (header != null && !header.isBlank()) {
            try {
                return new BigInteger(header.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the asset id '" + header + "' of meter " + entry.meter() + " is not a number");
            }
        }
        Long configured = endpoint.getConfiguration().getAssetId();
        if (configured == null) {
            throw new IllegalArgumentException("meter " + entry.meter() + " has no Origin asset: map it (energyweb.asset." + entry.meter()
                    + "=<asset id> in the gateway's config), or set the endpoint's assetId or the " + OriginConstants.ASSET_ID + " header");
        }
        return BigInteger.valueOf(configured);
    }

    /** The reading to anchor: a ledger entry, a reading document (or its bytes) found in the ledger, or a position header. */
    private LedgerEntry entry(Message message) {
        Object body = message.getBody();
        if (body instanceof LedgerEntry entry) {
            return entry;
        }
        Ledger ledger = LedgerComponent.of(endpoint.getCamelContext(), endpoint.getConfiguration().getDataDir());
        if (body instanceof ReadingDocument || body instanceof byte[]) {
            ReadingDocument document = body instanceof ReadingDocument d ? d : ReadingDocument.parse((byte[]) body);
            LedgerEntry entry = ledger.find(document.reading().meter(), document.reading().seq())
                    .orElseThrow(() -> new IllegalArgumentException("reading " + document + " is not in the ledger; append it first"));
            if (!Arrays.equals(entry.document().sha256(), document.sha256())) {
                throw new IllegalArgumentException("reading " + document + " differs from the ledger's " + entry.document());
            }
            return entry;
        }
        Long position = message.getHeader(LedgerConstants.POSITION, Long.class);
        if (position != null) {
            return ledger.at(position).orElseThrow(() -> new IllegalArgumentException("no reading at ledger position " + position));
        }
        throw new IllegalArgumentException("origin: needs a ledger entry or reading document as body, or the "
                + LedgerConstants.POSITION + " header");
    }

    private static void setHeaders(Message message, Anchored anchored) {
        message.setHeader(OriginConstants.TRANSACTION_HASH, anchored.transactionHash());
        message.setHeader(OriginConstants.BLOCK_NUMBER, anchored.blockNumber());
        message.setHeader(OriginConstants.BLOCK_HASH, anchored.blockHash());
        message.setHeader(OriginConstants.NONCE, anchored.nonce());
        message.setHeader(LedgerConstants.POSITION, anchored.key());
    }
}
