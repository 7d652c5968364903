package org.energyweb.ledger.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Appends readings to the durable, hash-chained ledger of a data folder. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ledger", title = "Energyweb ledger", syntax = "ledger:operation",
        producerOnly = true, category = {Category.DATABASE}, headersClass = LedgerConstants.class)
public class LedgerEndpoint extends DefaultEndpoint {

    @UriPath(enums = "append", description = "The operation: append a measurement, or record a fault and mark the meter down")
    @Metadata(required = true)
    private final LedgerOperation operation;
    @UriParam(defaultValue = "data", description = "The data folder holding the ledger (SQLite, WAL)")
    private String dataDir;

    public LedgerEndpoint(String uri, LedgerComponent component, LedgerOperation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public Producer createProducer() {
        return new LedgerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("the ledger endpoint " + getEndpointUri() + " only accepts readings (use it in to:)");
    }

    @Override
    public LedgerComponent getComponent() {
        return (LedgerComponent) super.getComponent();
    }

    public LedgerOperation getOperation() {
        return operation;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }
}
