package org.energyweb.chain.camel;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.energyweb.chain.keys.camel.KeyPasswordOptions;

/**
 * What every endpoint has that anchors on a {@code ReadingAnchor} contract from an outbox of its own (merkle-anchor:
 * from the ledger, checkpoint-anchor: from the kept log checkpoints): the contract, the signing connection, and a
 * producer that only wakes the component's anchorer, so a message completes at once; there is no consumer.
 *
 * @param <R> the component's running anchorer
 */
public abstract class ContractAnchorEndpoint<R> extends DefaultEndpoint {

    @UriPath(description = "Address of the ReadingAnchor contract")
    @Metadata(required = true)
    private final String contract;

    @UriParam
    private final SigningConnection connection = new SigningConnection();
    /** The connection's key password options, declared here since Camel follows nested option groups one level deep. */
    @UriParam
    private final KeyPasswordOptions keyPassword = connection.getKeyPassword();

    protected ContractAnchorEndpoint(String uri, Component component, String contract) {
        super(uri, component);
        this.contract = contract;
    }

    /** The component's anchorer of this endpoint's ledger and contract, started by the first producer that asks. */
    protected abstract R anchoring() throws Exception;

    /** Wakes {@code anchoring} for the message {@code exchange} carries, and says on it how far the anchorer is. */
    protected abstract void wakeUp(R anchoring, Exchange exchange);

    /** What the anchorer works from, for the message refusing a consumer: "the ledger". */
    protected abstract String outbox();

    @Override
    public Producer createProducer() {
        return new DefaultProducer(this) {
            private R anchoring;

            @Override
            protected void doStart() throws Exception {
                super.doStart();
                anchoring = anchoring();
            }

            @Override
            public void process(Exchange exchange) {
                wakeUp(anchoring, exchange);
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getComponent().getDefaultName() + ": only anchors; it works from " + outbox()
                + " and cannot start a route");
    }

    public SigningConnection getConnection() {
        return connection;
    }

    public KeyPasswordOptions getKeyPassword() {
        return keyPassword;
    }

    public String getContract() {
        return contract;
    }
}
