package org.energyweb.chain.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.tx.TransactionPipeline;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.web3j.crypto.Credentials;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What an endpoint that anchors ledger readings with its own signed transactions needs: the node,
 * the key and its password, how transactions are confirmed and re-sent, and the ledger. Shared by
 * {@code origin:} and {@code merkle-anchor:}.
 */
@UriParams
public class SigningConnection extends RpcConnection {

    @UriParam(label = "security", description = "Path of the Ethereum V3 keystore file of the account that signs (for origin: the"
            + " asset's smart-meter account)")
    @Metadata(required = true)
    private String keystore;

    @UriParam(label = "security", description = "File whose first line is the keystore password (takes precedence over password and passwordEnv)")
    private String passwordFile;

    @UriParam(label = "security", secret = true, description = "The keystore password; give it as a placeholder resolved from a"
            + " secret (for example {{env:NAME}}), never as plain text")
    private String password;

    @UriParam(label = "security", defaultValue = KeyPassword.ENVIRONMENT_VARIABLE,
            description = "Environment variable holding the keystore password when neither passwordFile nor password is set")
    private String passwordEnv = KeyPassword.ENVIRONMENT_VARIABLE;

    @UriParam(description = "The data folder of the ledger whose readings are anchored; default: the ledger component's (a"
            + " Ledger bean in the registry wins)")
    private String dataDir;

    @UriParam(defaultValue = "1", description = "Blocks (the transaction's own included) before a transaction counts as confirmed")
    private int confirmations = 1;

    @UriParam(label = "advanced", defaultValue = "200", description = "Milliseconds between receipt polls")
    private long pollInterval = 200;

    @UriParam(label = "advanced", defaultValue = "60000", description = "Milliseconds a transaction may stay unmined before it is"
            + " re-sent with the same nonce and fees raised by at least 10%")
    private long resendAfter = 60_000;

    /** The signing key, unlocked with passwordFile, else password, else the environment variable passwordEnv. */
    public Credentials unlock() {
        return Keystore.unlock(keystorePath(), passwordFile, password, passwordEnv);
    }

    public Path keystorePath() {
        return Path.of(keystore).toAbsolutePath().normalize();
    }

    /** {@code base} with this endpoint's confirmations, poll interval and resend delay. */
    public TransactionPipeline.Options pipelineOptions(TransactionPipeline.Options base) {
        return base.withConfirmations(confirmations)
                .withPollInterval(Duration.ofMillis(pollInterval))
                .withResendAfter(Duration.ofMillis(resendAfter));
    }

    public Ledger ledger(CamelContext context) {
        return LedgerComponent.of(context, dataDir);
    }

    /** Kamelets pass an option they were not given as an empty string; every option setter here maps it to none. */
    public static String blankAsNone(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getKeystore() {
        return keystore;
    }

    public void setKeystore(String keystore) {
        this.keystore = blankAsNone(keystore);
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = blankAsNone(passwordFile);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = blankAsNone(password);
    }

    public String getPasswordEnv() {
        return passwordEnv;
    }

    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = passwordEnv;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = blankAsNone(dataDir);
    }

    public int getConfirmations() {
        return confirmations;
    }

    public void setConfirmations(int confirmations) {
        this.confirmations = confirmations;
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
