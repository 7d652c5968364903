package org.energyweb.tlog.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.chain.camel.SigningConnection;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ledger.Ledger;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.anchor.CheckpointAnchorer;
import org.energyweb.tlog.anchor.CheckpointJournal;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code checkpoint-anchor:0xContract?rpcUrl=...&keystore=...&ipfsApiUrl=...}: anchors the transparency log's kept
 * checkpoints. One anchorer (and one transaction pipeline) per ledger and contract, shared by the endpoints naming
 * them, since two anchorers of one log would race to anchor the same sizes.
 */
@Component("checkpoint-anchor")
public class CheckpointAnchorComponent extends DefaultComponent {

    /** A running anchorer. */
    record Running(TransactionPipeline pipeline, CheckpointAnchorer anchorer) {
    }

    private final Map<String, Running> running = new HashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CheckpointAnchorEndpoint endpoint = new CheckpointAnchorEndpoint(uri, this, remaining);
        setProperties(endpoint.getConnection(), parameters);
        setProperties(endpoint, parameters);
        SigningConnection connection = endpoint.getConnection();
        if (connection.getRpcUrl() == null || connection.getKeystore() == null || endpoint.getIpfsApiUrl() == null
                || !remaining.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("checkpoint-anchor needs the anchor contract address as path and rpcUrl, keystore and ipfsApiUrl");
        }
        endpoint.anchorerOptions();
        // Checked now, so an insecure URL fails when the route is created, not at its first checkpoint.
        connection.connect(getCamelContext());
        IpfsClientConfig.of(endpoint.getIpfsApiUrl());
        return endpoint;
    }

    synchronized Running anchoring(CheckpointAnchorEndpoint endpoint) {
        SigningConnection connection = endpoint.getConnection();
        Ledger ledger = connection.ledger(getCamelContext());
        String key = ledger.dataDir() + "|" + endpoint.getContract().toLowerCase();
        Running existing = running.get(key);
        if (existing != null) {
            return existing;
        }
        Eth eth = new Eth(connection.connect(getCamelContext()));
        TransactionPipeline pipeline = TransactionPipeline.start(eth, connection.unlock(), new CheckpointJournal(ledger),
                connection.pipelineOptions(TransactionPipeline.Options.DEFAULT));
        // Only IpfsSync.push is used (the kept checkpoints are the outbox); its local store stays empty.
        IpfsSync ipfs = new IpfsSync(new LocalBlockStore(ledger.dataDir().resolve(LedgerLog.DIRECTORY).resolve("ipfs-pending")),
                new IpfsClient(IpfsClientConfig.of(endpoint.getIpfsApiUrl())));
        CheckpointAnchorer anchorer = CheckpointAnchorer.start(ledger, eth, pipeline, endpoint.getContract(), ipfs, endpoint.anchorerOptions());
        Running started = new Running(pipeline, anchorer);
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
