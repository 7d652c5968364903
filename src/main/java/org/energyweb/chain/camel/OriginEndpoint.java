package org.energyweb.chain.camel;

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
import org.energyweb.chain.keys.camel.KeyPasswordOptions;
import org.energyweb.chain.origin.Registry;

/**
 * Writes each reading to an Origin release A registry as {@code saveSmartMeterRead}, signed with
 * the asset's smart-meter key, and completes the exchange once the transaction is confirmed.
 */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "origin", title = "Energy Web Origin meter read",
        syntax = "origin:registry", producerOnly = true, category = {Category.BLOCKCHAIN}, headersClass = OriginConstants.class)
public class OriginEndpoint extends DefaultEndpoint {

    @UriPath(description = "Which release A registry: producing (AssetProducingRegistry) or consuming (AssetConsumingRegistry)",
            enums = "producing,consuming")
    @Metadata(required = true)
    private final Registry registry;

    @UriParam
    private final OriginConfiguration configuration;
    /** The configuration's key password options, declared here since Camel follows nested option groups one level deep. */
    @UriParam
    private final KeyPasswordOptions keyPassword;

    OriginEndpoint(String uri, OriginComponent component, Registry registry, OriginConfiguration configuration) {
        super(uri, component);
        this.registry = registry;
        this.configuration = configuration;
        this.keyPassword = configuration.getKeyPassword();
    }

    @Override
    public OriginComponent getComponent() {
        return (OriginComponent) super.getComponent();
    }

    public Registry getRegistry() {
        return registry;
    }

    public OriginConfiguration getConfiguration() {
        return configuration;
    }

    public KeyPasswordOptions getKeyPassword() {
        return keyPassword;
    }

    @Override
    public Producer createProducer() {
        return new OriginProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("origin: only sends meter reads; listen to events with origin-events:");
    }
}
