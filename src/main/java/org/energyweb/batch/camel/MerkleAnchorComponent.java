package org.energyweb.batch.camel;

import org.apache.camel.spi.annotations.Component;
import org.energyweb.batch.BatchAnchorer;
import org.energyweb.batch.BatchJournal;
import org.energyweb.batch.ManifestStore;
import org.energyweb.camel.ContextMetrics;
import org.energyweb.chain.camel.ContractAnchorComponent;
import org.energyweb.chain.camel.SigningConnection;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.ledger.Ledger;
import org.energyweb.remote.BreakerSettings;
import org.energyweb.remote.camel.BreakerOptions;

/**
 * {@code merkle-anchor:0xContract?rpcUrl=...&keystore=...}: Merkle anchoring of a ledger, one anchorer per ledger and
 * contract.
 */
@Component("merkle-anchor")
public class MerkleAnchorComponent extends ContractAnchorComponent<MerkleAnchorEndpoint, MerkleAnchorComponent.Running> {

    /** A running anchorer and the ledger it anchors. */
    record Running(Ledger ledger, TransactionPipeline pipeline, BatchAnchorer anchorer) implements AutoCloseable {

        @Override
        public void close() {
            anchorer.close();
            pipeline.close();
        }
    }

    @Override
    protected MerkleAnchorEndpoint newEndpoint(String uri, String contract) {
        return new MerkleAnchorEndpoint(uri, this, contract);
    }

    @Override
    protected void check(MerkleAnchorEndpoint endpoint) {
        endpoint.anchorerOptions();
    }

    @Override
    protected Running start(MerkleAnchorEndpoint endpoint, Ledger ledger) {
        SigningConnection connection = endpoint.getConnection();
        TransactionPipeline pipeline = TransactionPipeline.start(new Eth(connection.connect(getCamelContext())), connection.unlock(),
                new BatchJournal(ledger), connection.pipelineOptions(TransactionPipeline.Options.DEFAULT),
                ContextMetrics.registry(getCamelContext()));
        IpfsClient ipfs = endpoint.getIpfsApiUrl() == null ? null : new IpfsClient(IpfsClientConfig.of(endpoint.getIpfsApiUrl()),
                BreakerSettings.DEFAULT.on(BreakerOptions.board(getCamelContext())));
        BatchAnchorer anchorer = BatchAnchorer.start(ledger, pipeline, endpoint.getContract(),
                new ManifestStore(ledger.dataDir(), ipfs), endpoint.anchorerOptions());
        return new Running(ledger, pipeline, anchorer);
    }
}
