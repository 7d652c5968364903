package org.energyweb.batch.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.batch.BatchAnchorer;
import org.energyweb.batch.ManifestStore;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ledger.Ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code merkle-anchor:0xContract?rpcUrl=...&keystore=...}: Merkle anchoring of a ledger. One anchorer
 * (and one transaction pipeline) per ledger and contract, shared by the endpoints naming them, since
 * two anchorers of one ledger would race for the same readings.
 */
@Component("merkle-anchor")
public class MerkleAnchorComponent extends DefaultComponent {

    /** A running anchorer and the ledger it anchors. */
    record Running(Ledger ledger, TransactionPipeline pipeline, BatchAnchorer anchorer) {
    }

    private final Map<String, Running> running = new HashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MerkleAnchorEndpoint endpoint = new MerkleAnchorEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        if (endpoint.getRpcUrl() == null || endpoint.getKeystore() == null || !remaining.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("merkle-anchor needs the anchor contract address as path and rpcUrl and keystore");
        }
        endpoint.anchorerOptions();
        // Checked now, so an insecure URL fails when the route is created, not at its first batch.
        connect(endpoint);
        return endpoint;
    }

    private static JsonRpcClient connect(MerkleAnchorEndpoint endpoint) {
        return JsonRpcClient.connect(endpoint.getRpcUrl(), endpoint.isAllowPlainHttp(), Duration.ofSeconds(10));
    }

    synchronized Running anchoring(MerkleAnchorEndpoint endpoint) {
        Ledger ledger = ledger(endpoint.getDataDir());
        String key = ledger.dataDir() + "|" + endpoint.getContract().toLowerCase();
        Running existing = running.get(key);
        if (existing != null) {
            return existing;
        }
        TransactionPipeline pipeline = TransactionPipeline.start(new Eth(connect(endpoint)),
                Keystore.unlock(Path.of(endpoint.getKeystore()), endpoint.getPasswordFile(), endpoint.getPassword(), endpoint.getPasswordEnv()),
                ledger, BatchAnchorer.pipelineOptions(TransactionPipeline.Options.DEFAULT
                        .withConfirmations(endpoint.getConfirmations())
                        .withPollInterval(Duration.ofMillis(endpoint.getPollInterval()))
                        .withResendAfter(Duration.ofMillis(endpoint.getResendAfter()))));
        IpfsClient ipfs = endpoint.getIpfsApiUrl() == null ? null : new IpfsClient(IpfsClientConfig.of(endpoint.getIpfsApiUrl()));
        BatchAnchorer anchorer = BatchAnchorer.start(ledger, pipeline, endpoint.getContract(),
                new ManifestStore(ledger.dataDir(), ipfs), endpoint.anchorerOptions());
        Running started = new Running(ledger, pipeline, anchorer);
        running.put(key, started);
        return started;
    }

    /** The application's Ledger bean when there is one, else the ledger component's ledger of {@code dataDir}. */
    private Ledger ledger(String dataDir) {
        return getCamelContext().getComponent("ledger", org.energyweb.ledger.camel.LedgerComponent.class).ledger(dataDir);
    }

    @Override
    protected synchronized void doStop() throws Exception {
        running.values().forEach(r -> {
            r.anchorer().close();
            r.pipeline().close();
        });
        running.clear();
        super.doStop();
    }
}
