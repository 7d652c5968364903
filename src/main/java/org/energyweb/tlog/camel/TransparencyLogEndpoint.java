package org.energyweb.tlog.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.energyweb.camel.CamelCatalog;
import org.energyweb.chain.camel.SigningConnection;
import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.LogKeys;
import org.energyweb.tlog.NoteSigner;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Keeps the ledger's transparency log under {@code DATA/log} (c2sp.org/tlog-tiles) and, on every poll
 * where it has grown, signs a c2sp.org/tlog-checkpoint with the log key, writes it to
 * {@code DATA/log/checkpoint} and emits it (the signed note's text) for the route to publish or anchor.
 */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "tlog", title = "Energyweb transparency log", syntax = "tlog:operation",
        consumerOnly = true, category = {Category.BLOCKCHAIN}, headersClass = TransparencyLogConstants.class)
public class TransparencyLogEndpoint extends ScheduledPollEndpoint {

    static final String CHECKPOINT = "checkpoint";

    @UriPath(enums = CHECKPOINT, description = "checkpoint: sign and emit a checkpoint of the log whenever it has grown")
    @Metadata(required = true)
    private final String operation;
    @UriParam(description = "The data folder of the ledger the log follows; default: the ledger component's (a Ledger bean in the registry wins)")
    private String dataDir;
    @UriParam(label = "security", description = "The log key's keystore (created by `energyweb log key new`); default: log-key.json in the data folder."
            + " Its verifier key beside it (log-key.vkey) names the log")
    private String keystore;
    @UriParam(label = "security", description = "File whose first line is the log key's password (takes precedence over password and passwordEnv)")
    private String passwordFile;
    @UriParam(label = "security", secret = true, description = "The log key's password; give it as a placeholder resolved from a secret"
            + " (for example {{env:NAME}}), never as plain text")
    private String password;
    @UriParam(label = "security", defaultValue = LogKeys.ENVIRONMENT_VARIABLE,
            description = "Environment variable holding the log key's password when neither passwordFile nor password is set")
    private String passwordEnv = LogKeys.ENVIRONMENT_VARIABLE;

    TransparencyLogEndpoint(String uri, TransparencyLogComponent component, String operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("tlog:checkpoint emits checkpoints (use it in from:)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TransparencyLogConsumer consumer = new TransparencyLogConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public TransparencyLogComponent getComponent() {
        return (TransparencyLogComponent) super.getComponent();
    }

    LedgerLog log() {
        return getComponent().log(dataDir);
    }

    /** Decrypts the log key; a wrong password or a missing key fails when the route starts, not at its first checkpoint. */
    NoteSigner unlock() {
        Path file = keystore != null ? Path.of(keystore)
                : LogKeys.keystoreIn(LedgerComponent.of(getCamelContext(), dataDir).dataDir());
        char[] secret = KeyPassword.resolve(passwordFile, password, passwordEnv);
        try {
            return LogKeys.unlock(file, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    public String getOperation() {
        return operation;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = SigningConnection.blankAsNone(dataDir);
    }

    public String getKeystore() {
        return keystore;
    }

    public void setKeystore(String keystore) {
        this.keystore = SigningConnection.blankAsNone(keystore);
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = SigningConnection.blankAsNone(passwordFile);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = SigningConnection.blankAsNone(password);
    }

    public String getPasswordEnv() {
        return passwordEnv;
    }

    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = passwordEnv;
    }
}
