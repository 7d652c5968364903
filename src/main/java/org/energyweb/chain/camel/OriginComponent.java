package org.energyweb.chain.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.camel.ContextMetrics;
import org.energyweb.chain.origin.ReadingJournal;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.TransactionPipeline;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code origin:producing} and {@code origin:consuming}: anchors ledger readings on an Energy Web
 * Origin release A registry with {@code saveSmartMeterRead}. All endpoints that sign with the same
 * keystore on the same node share one transaction pipeline, so the account has one nonce sequence.
 */
@org.apache.camel.spi.annotations.Component("origin")
public class OriginComponent extends DefaultComponent {

    private final Map<String, SharedPipeline> pipelines = new HashMap<>();

    private record SharedPipeline(TransactionPipeline pipeline, TransactionPipeline.Options options) {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Registry registry = Registry.named(remaining);
        OriginConfiguration configuration = new OriginConfiguration();
        setProperties(configuration, parameters);
        OriginEndpoint endpoint = new OriginEndpoint(uri, this, registry, configuration);
        setProperties(endpoint, parameters);
        requireOptions(configuration);
        // Checked now, so a route with an insecure URL fails when it is created, not at its first reading.
        configuration.connect(getCamelContext());
        return endpoint;
    }

    private static void requireOptions(OriginConfiguration configuration) {
        StringBuilder missing = new StringBuilder();
        if (configuration.getRpcUrl() == null) {
            missing.append(" rpcUrl");
        }
        if (configuration.getContract() == null) {
            missing.append(" contract");
        }
        if (configuration.getKeystore() == null) {
            missing.append(" keystore");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("origin endpoint lacks required options:" + missing);
        }
    }

    /** The pipeline of the endpoint's key on the endpoint's node, started on first use. */
    synchronized TransactionPipeline pipeline(OriginConfiguration configuration) {
        Path keystore = configuration.keystorePath();
        String key = configuration.getRpcUrl() + "|" + keystore;
        TransactionPipeline.Options options = configuration.pipelineOptions(TransactionPipeline.Options.DEFAULT)
                .withGas(new GasPolicy(BigInteger.valueOf(configuration.getGasCap()), configuration.getGasMarginPercent()));
        SharedPipeline shared = pipelines.get(key);
        if (shared != null) {
            if (!shared.options().equals(options)) {
                throw new IllegalArgumentException("origin endpoints signing with " + keystore + " on " + configuration.getRpcUrl()
                        + " share one pipeline and must use the same confirmations, gasCap, gasMarginPercent, pollInterval and resendAfter");
            }
            return shared.pipeline();
        }
        TransactionPipeline pipeline = TransactionPipeline.start(new Eth(configuration.connect(getCamelContext())), configuration.unlock(),
                new ReadingJournal(configuration.ledger(getCamelContext())), options, ContextMetrics.registry(getCamelContext()));
        pipelines.put(key, new SharedPipeline(pipeline, options));
        return pipeline;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        pipelines.values().forEach(shared -> shared.pipeline().close());
        pipelines.clear();
        super.doStop();
    }
}
