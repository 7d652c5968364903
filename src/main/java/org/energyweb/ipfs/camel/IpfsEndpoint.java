package org.energyweb.ipfs.camel;

import org.energyweb.camel.CamelCatalog;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Stores documents on IPFS and reads them back; every CID is computed locally and checked against the node's. */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "ipfs", title = "IPFS (Kubo RPC API)", syntax = "ipfs:operation",
        producerOnly = true, category = {Category.FILE, Category.BLOCKCHAIN}, headersClass = IpfsConstants.class)
public class IpfsEndpoint extends DefaultEndpoint {

    @UriPath(description = "What to do: add, cat, pin, unpin, stat or sync")
    @Metadata(required = true)
    private final IpfsOperation operation;

    @UriParam
    private final IpfsConfiguration configuration;

    public IpfsEndpoint(String uri, IpfsComponent component, IpfsOperation operation, IpfsConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new IpfsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("the ipfs component only sends: use it in to(...)");
    }

    public IpfsOperation getOperation() {
        return operation;
    }

    public IpfsConfiguration getConfiguration() {
        return configuration;
    }
}
