package org.energyweb.batch.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.batch.BatchAnchorer;
import org.energyweb.batch.BatchJournal;
import org.energyweb.batch.ManifestStore;
import org.energyweb.chain.camel.SigningConnection;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.remote.BreakerSettings;
import org.energyweb.remote.camel.BreakerOptions;
import org.energyweb.ledger.Ledger;

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
        setProperties(endpoint.getConnection(), parameters);
        setProperties(endpoint, parameters);
        SigningConnection connection = endpoint.getConnection();
        if (connection.getRpcUrl() == null || connection.getKeystore() == null || !remaining.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("merkle-anchor needs the anchor contract address as path and rpcUrl and keystore");
        }
        endpoint.anchorerOptions();
        // Checked now, so an insecure URL fails when the route is created, not at its first batch.
        connection.connect(getCamelContext());
        return endpoint;
    }

    synchronized Running anchoring(MerkleAnchorEndpoint endpoint) {
        SigningConnection connection = endpoint.getConnection();
        Ledger ledger = connection.ledger(getCamelContext());
        String key = ledger.dataDir() + "|" + endpoint.getContract().toLowerCase();
        Running existing = running.get(key);
        if (existing != null) {
            return existing;
        }
        TransactionPipeline pipeline = TransactionPipeline.start(new Eth(connection.connect(getCamelContext())), connection.unlock(),
                new BatchJournal(ledger), connection.pipelineOptions(TransactionPipeline.Options.DEFAULT));
        IpfsClient ipfs = endpoint.getIpfsApiUrl() == null ? null : new IpfsClient(IpfsClientConfig.of(endpoint.getIpfsApiUrl()),
                BreakerSettings.DEFAULT.on(BreakerOptions.board(getCamelContext())));
        BatchAnchorer anchorer = BatchAnchorer.start(ledger, pipeline, endpoint.getContract(),
                new ManifestStore(ledger.dataDir(), ipfs), endpoint.anchorerOptions());
        Running started = new Running(ledger, pipeline, anchorer);
        running.put(key, started);
        return started;
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
