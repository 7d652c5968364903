package org.energyweb.chain.camel;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of an {@code origin:} endpoint; the node, the key and the ledger come from {@link SigningConnection}. */
@UriParams
public class OriginConfiguration extends SigningConnection {

    @UriParam(description = "Address of the registry contract")
    @Metadata(required = true)
    private String contract;

    @UriParam(description = "The asset whose meter reads are written; a message may override it with the EnergywebOriginAssetId header (routes serving several meters set it per reading)")
    @Metadata(required = true)
    private Long assetId;

    @UriParam(label = "advanced", defaultValue = "5000000", description = "Most gas a meter-read transaction may use; a call estimated above it is not sent")
    private long gasCap = 5_000_000;

    @UriParam(label = "advanced", defaultValue = "10", description = "Percent added to the node's gas estimate for the gas limit (capped by gasCap)")
    private int gasMarginPercent = 10;

    public String getContract() {
        return contract;
    }

    public void setContract(String contract) {
        this.contract = contract;
    }

    public Long getAssetId() {
        return assetId;
    }

    public void setAssetId(Long assetId) {
        this.assetId = assetId;
    }

    public long getGasCap() {
        return gasCap;
    }

    public void setGasCap(long gasCap) {
        this.gasCap = gasCap;
    }

    public int getGasMarginPercent() {
        return gasMarginPercent;
    }

    public void setGasMarginPercent(int gasMarginPercent) {
        this.gasMarginPercent = gasMarginPercent;
    }
}
