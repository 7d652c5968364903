package org.energyweb.batch.camel;

import org.energyweb.camel.CamelCatalog;
import org.apache.camel.Category;
import org.apache.camel.Exchange;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.energyweb.batch.BatchAnchorer;
import org.energyweb.camel.KameletOptions;
import org.energyweb.chain.camel.ContractAnchorEndpoint;
import org.energyweb.proof.LeafKind;

import java.time.Duration;

/**
 * Anchors the ledger's readings in Merkle batches on a {@code ReadingAnchor} contract, one transaction
 * per batch. The anchorer works from the ledger (the outbox): a reading is anchored because it is
 * ledgered, so a message here only says new readings are there and completes at once; readings
 * ledgered while the route was down are anchored too.
 */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "merkle-anchor", title = "Energyweb Merkle anchor", syntax = "merkle-anchor:contract",
        producerOnly = true, category = {Category.BLOCKCHAIN}, headersClass = MerkleAnchorConstants.class)
public class MerkleAnchorEndpoint extends ContractAnchorEndpoint<MerkleAnchorComponent.Running> {

    @UriParam(defaultValue = "10000", description = "Readings that make a batch at once")
    private int batchSize = 10_000;
    @UriParam(defaultValue = "10000", description = "Milliseconds the oldest unbatched reading waits before a smaller batch is anchored")
    private long batchInterval = 10_000;
    @UriParam(enums = "document-sha256,field-root", defaultValue = "document-sha256",
            description = "Leaf inputs: document SHA-256 (whole-document proofs) or salted field roots (field proofs; the salt secret"
                    + " is created in the data folder, mode 0600, on first use)")
    private String leafKind = LeafKind.DOCUMENT_SHA256.manifestName();
    @UriParam(description = "Kubo RPC API URL of an IPFS node to store manifests on; without it they stay in the data folder's manifests/")
    private String ipfsApiUrl;

    MerkleAnchorEndpoint(String uri, MerkleAnchorComponent component, String contract) {
        super(uri, component, contract);
    }

    @Override
    public MerkleAnchorComponent getComponent() {
        return (MerkleAnchorComponent) super.getComponent();
    }

    BatchAnchorer.Options anchorerOptions() {
        return new BatchAnchorer.Options(batchSize, Duration.ofMillis(batchInterval), LeafKind.fromManifestName(leafKind));
    }

    @Override
    protected MerkleAnchorComponent.Running anchoring() throws Exception {
        return getComponent().anchoring(this);
    }

    @Override
    protected void wakeUp(MerkleAnchorComponent.Running anchoring, Exchange exchange) {
        anchoring.anchorer().wakeUp();
        exchange.getMessage().setHeader(MerkleAnchorConstants.UNBATCHED,
                anchoring.ledger().size() - anchoring.ledger().batches().lastBatchedPosition());
    }

    @Override
    protected String outbox() {
        return "the ledger";
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getBatchInterval() {
        return batchInterval;
    }

    public void setBatchInterval(long batchInterval) {
        this.batchInterval = batchInterval;
    }

    public String getLeafKind() {
        return leafKind;
    }

    public void setLeafKind(String leafKind) {
        this.leafKind = leafKind;
    }

    public String getIpfsApiUrl() {
        return ipfsApiUrl;
    }

    public void setIpfsApiUrl(String ipfsApiUrl) {
        this.ipfsApiUrl = KameletOptions.blankAsNone(ipfsApiUrl);
    }

}
