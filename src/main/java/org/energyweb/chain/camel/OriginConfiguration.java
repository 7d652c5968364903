package org.energyweb.chain.camel;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.chain.keys.KeyPassword;


/** The options of an {@code origin:} endpoint; the node and the registry contract come from {@link ContractConnection}. */
@UriParams
public class OriginConfiguration extends ContractConnection {

    @UriParam(description = "The asset whose meter reads are written; a message may override it with the EnergywebOriginAssetId header (routes serving several meters set it per reading)")
    @Metadata(required = true)
    private Long assetId;

    @UriParam(label = "security", description = "Path of the Ethereum V3 keystore file of the asset's smart-meter account")
    @Metadata(required = true)
    private String keystore;

    @UriParam(label = "security", description = "File whose first line is the keystore password (takes precedence over password and passwordEnv)")
    private String passwordFile;

    @UriParam(label = "security", secret = true, description = "The keystore password; give it as a placeholder resolved from a secret (for example {{env:NAME}}), never as plain text")
    private String password;

    @UriParam(label = "security", defaultValue = KeyPassword.ENVIRONMENT_VARIABLE,
            description = "Environment variable holding the keystore password when neither passwordFile nor password is set")
    private String passwordEnv = KeyPassword.ENVIRONMENT_VARIABLE;

    @UriParam(defaultValue = "1", description = "Blocks (the transaction's own included) before a reading counts as confirmed and the exchange completes")
    private int confirmations = 1;

    @UriParam(label = "advanced", defaultValue = "5000000", description = "Most gas a meter-read transaction may use; a call estimated above it is not sent")
    private long gasCap = 5_000_000;

    @UriParam(label = "advanced", defaultValue = "10", description = "Percent added to the node's gas estimate for the gas limit (capped by gasCap)")
    private int gasMarginPercent = 10;

    @UriParam(label = "advanced", defaultValue = "200", description = "Milliseconds between receipt polls")
    private long pollInterval = 200;

    @UriParam(label = "advanced", defaultValue = "60000",
            description = "Milliseconds a transaction may stay unmined before it is re-sent with the same nonce and fees raised by at least 10%")
    private long resendAfter = 60_000;

    public Long getAssetId() {
        return assetId;
    }

    public void setAssetId(Long assetId) {
        this.assetId = assetId;
    }

    public String getKeystore() {
        return keystore;
    }

    public void setKeystore(String keystore) {
        this.keystore = keystore;
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordEnv() {
        return passwordEnv;
    }

    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = passwordEnv;
    }

    public int getConfirmations() {
        return confirmations;
    }

    public void setConfirmations(int confirmations) {
        this.confirmations = confirmations;
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

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getResendAfter() {
        return resendAfter;
    }

    public void setResendAfter(long resendAfter) {
        this.resendAfter = resendAfter;
    }
}
