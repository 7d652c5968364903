package org.energyweb.chain.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.camel.KameletOptions;
import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.keys.camel.KeyPasswordOptions;
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

    /**
     * Not an option of this group: Camel's generated configurers follow option groups one level deep only, so
     * each endpoint declares this group as its own option ({@code keyPassword}) and hands it to the endpoint's configurer.
     */
    private final KeyPasswordOptions keyPassword = new KeyPasswordOptions(KeyPassword.ENVIRONMENT_VARIABLE);

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
        return Keystore.unlock(keystorePath(), keyPassword.getPasswordFile(), keyPassword.getPassword(), keyPassword.getPasswordEnv());
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

    public String getKeystore() {
        return keystore;
    }

    public void setKeystore(String keystore) {
        this.keystore = KameletOptions.blankAsNone(keystore);
    }

    public KeyPasswordOptions getKeyPassword() {
        return keyPassword;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = KameletOptions.blankAsNone(dataDir);
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
