package org.energyweb.tlog.camel;

import org.apache.camel.Category;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.energyweb.camel.CamelCatalog;
import org.energyweb.camel.KameletOptions;
import org.energyweb.chain.camel.ContractAnchorEndpoint;
import org.energyweb.tlog.anchor.CheckpointAnchorer;

/**
 * Anchors the transparency log's signed checkpoints on a {@code ReadingAnchor} contract with
 * {@code anchorCheckpoint(origin, size, root, checkpointCid)}, the note stored on IPFS first. The anchorer works from
 * the checkpoints kept in {@code DATA/log/checkpoints/} (the outbox): a message here only says a new checkpoint is
 * kept and completes at once; checkpoints kept while the route was down are considered too, the newest first.
 */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "checkpoint-anchor", title = "Energyweb log checkpoint anchor",
        syntax = "checkpoint-anchor:contract", producerOnly = true, category = {Category.BLOCKCHAIN},
        headersClass = CheckpointAnchorConstants.class)
public class CheckpointAnchorEndpoint extends ContractAnchorEndpoint<CheckpointAnchorComponent.Running> {

    @UriParam(description = "Kubo RPC API URL of the IPFS node each checkpoint note is stored on (added and pinned) before its CID is anchored")
    @Metadata(required = true)
    private String ipfsApiUrl;
    @UriParam(defaultValue = "0", description = "Witness cosignatures (of the witnesses the tlog:checkpoint consumer asks, which keeps only"
            + " verified ones) a checkpoint needs to be anchored: k of the n configured witnesses. 0: none needed")
    private int witnessQuorum;

    CheckpointAnchorEndpoint(String uri, CheckpointAnchorComponent component, String contract) {
        super(uri, component, contract);
    }

    @Override
    public CheckpointAnchorComponent getComponent() {
        return (CheckpointAnchorComponent) super.getComponent();
    }

    CheckpointAnchorer.Options anchorerOptions() {
        return new CheckpointAnchorer.Options(witnessQuorum);
    }

    @Override
    protected CheckpointAnchorComponent.Running anchoring() throws Exception {
        return getComponent().anchoring(this);
    }

    @Override
    protected void wakeUp(CheckpointAnchorComponent.Running anchoring, Exchange exchange) {
        anchoring.anchorer().wakeUp();
        anchoring.anchorer().waitingFor().ifPresent(reason -> exchange.getMessage().setHeader(CheckpointAnchorConstants.WAITING_FOR, reason));
    }

    @Override
    protected String outbox() {
        return "the kept checkpoints";
    }

    public String getIpfsApiUrl() {
        return ipfsApiUrl;
    }

    public void setIpfsApiUrl(String ipfsApiUrl) {
        this.ipfsApiUrl = KameletOptions.blankAsNone(ipfsApiUrl);
    }

    public int getWitnessQuorum() {
        return witnessQuorum;
    }

    public void setWitnessQuorum(int witnessQuorum) {
        this.witnessQuorum = witnessQuorum;
    }
}
