package org.energyweb.tlog.camel;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spi.annotations.Component;
import org.energyweb.camel.ContextMetrics;
import org.energyweb.chain.camel.ContractAnchorComponent;
import org.energyweb.chain.camel.SigningConnection;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ledger.Ledger;
import org.energyweb.remote.BreakerSettings;
import org.energyweb.remote.camel.BreakerOptions;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.anchor.CheckpointAnchorer;
import org.energyweb.tlog.anchor.CheckpointJournal;

/**
 * {@code checkpoint-anchor:0xContract?rpcUrl=...&keystore=...&ipfsApiUrl=...}: anchors the transparency log's kept
 * checkpoints, one anchorer per ledger and contract.
 */
@Component("checkpoint-anchor")
public class CheckpointAnchorComponent extends ContractAnchorComponent<CheckpointAnchorEndpoint, CheckpointAnchorComponent.Running> {

    /** A running anchorer. */
    record Running(TransactionPipeline pipeline, CheckpointAnchorer anchorer) implements AutoCloseable {

        @Override
        public void close() {
            anchorer.close();
            pipeline.close();
        }
    }

    @Override
    protected CheckpointAnchorEndpoint newEndpoint(String uri, String contract) {
        return new CheckpointAnchorEndpoint(uri, this, contract);
    }

    @Override
    protected void check(CheckpointAnchorEndpoint endpoint) {
        if (endpoint.getIpfsApiUrl() == null) {
            throw new IllegalArgumentException("checkpoint-anchor needs ipfsApiUrl, the IPFS node the checkpoint notes are stored on");
        }
        endpoint.anchorerOptions();
        IpfsClientConfig.of(endpoint.getIpfsApiUrl());
    }

    @Override
    protected Running start(CheckpointAnchorEndpoint endpoint, Ledger ledger) {
        SigningConnection connection = endpoint.getConnection();
        Eth eth = new Eth(connection.connect(getCamelContext()));
        MeterRegistry metrics = ContextMetrics.registry(getCamelContext());
        TransactionPipeline pipeline = TransactionPipeline.start(eth, connection.unlock(), new CheckpointJournal(ledger),
                connection.pipelineOptions(TransactionPipeline.Options.DEFAULT), metrics);
        // Only IpfsSync.push is used (the kept checkpoints are the outbox); its local store stays empty.
        IpfsSync ipfs = new IpfsSync(new LocalBlockStore(ledger.dataDir().resolve(LedgerLog.DIRECTORY).resolve("ipfs-pending")),
                new IpfsClient(IpfsClientConfig.of(endpoint.getIpfsApiUrl()), BreakerSettings.DEFAULT.on(BreakerOptions.board(getCamelContext()))));
        CheckpointAnchorer anchorer = CheckpointAnchorer.start(ledger, eth, pipeline, endpoint.getContract(), ipfs, endpoint.anchorerOptions(),
                metrics);
        return new Running(pipeline, anchorer);
    }
}
