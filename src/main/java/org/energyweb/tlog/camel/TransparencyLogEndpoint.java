package org.energyweb.tlog.camel;

import org.energyweb.remote.Loopback;
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
import org.energyweb.camel.KameletOptions;
import org.energyweb.chain.keys.camel.KeyPasswordOptions;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.LogKeys;
import org.energyweb.tlog.NoteSigner;

import org.energyweb.tlog.witness.CheckpointWitnesses;
import org.energyweb.tlog.witness.CosignatureVerifier;
import org.energyweb.tlog.witness.WitnessClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    @UriParam
    private final KeyPasswordOptions keyPassword = new KeyPasswordOptions(LogKeys.ENVIRONMENT_VARIABLE);
    @UriParam(label = "advanced", description = "Comma-separated submission URLs of C2SP tlog-witnesses asked to cosign each checkpoint"
            + " (https, or http on loopback); their cosignatures are added to the checkpoint note. Paired in order with witnessKeys")
    private String witnessUrls;
    @UriParam(label = "advanced", description = "Comma-separated verifier keys (name+hash+key, C2SP tlog-cosignature type 0x04) of the witnesses"
            + " in witnessUrls, in the same order; only their verified cosignatures are kept")
    private String witnessKeys;
    @UriParam(label = "advanced", defaultValue = "30000", description = "Milliseconds each witness may take to answer one request. The"
            + " witnesses are asked at once, off the poll thread; a checkpoint is kept and emitted when all have answered or timed out")
    private long witnessTimeout = WitnessClient.DEFAULT_TIMEOUT.toMillis();

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

    Path ledgerDataDir() {
        return LedgerComponent.of(getCamelContext(), dataDir).dataDir();
    }

    /** Decrypts the log key; a wrong password or a missing key fails when the route starts, not at its first checkpoint. */
    NoteSigner unlock() {
        Path file = keystore != null ? Path.of(keystore) : LogKeys.keystoreIn(ledgerDataDir());
        char[] secret = keyPassword.resolve();
        try {
            return LogKeys.unlock(file, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * The witnesses to ask, or none.
     *
     * @throws IllegalArgumentException when the URLs and keys do not pair up, a key is malformed, or a URL is plain http off loopback
     */
    Optional<CheckpointWitnesses> witnesses() {
        if (witnessUrls == null && witnessKeys == null) {
            return Optional.empty();
        }
        String[] urls = witnessUrls == null ? new String[0] : witnessUrls.split(",");
        String[] keys = witnessKeys == null ? new String[0] : witnessKeys.split(",");
        if (urls.length != keys.length) {
            throw new IllegalArgumentException("witnessUrls names " + urls.length + " witnesses but witnessKeys " + keys.length);
        }
        List<WitnessClient> clients = new ArrayList<>();
        for (int i = 0; i < urls.length; i++) {
            URI url = URI.create(urls[i].strip());
            if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && Loopback.isLoopback(url.getHost()))) {
                throw new IllegalArgumentException("witness " + url + " is neither https nor http on loopback");
            }
            // An endpoint URI's query decodes a '+' to a space unless given RAW(...); a vkey has no spaces, only '+'.
            clients.add(new WitnessClient(url, CosignatureVerifier.parse(keys[i].strip().replace(' ', '+')), Duration.ofMillis(witnessTimeout)));
        }
        return Optional.of(new CheckpointWitnesses(clients));
    }

    public String getOperation() {
        return operation;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = KameletOptions.blankAsNone(dataDir);
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

    public String getWitnessUrls() {
        return witnessUrls;
    }

    public void setWitnessUrls(String witnessUrls) {
        this.witnessUrls = KameletOptions.blankAsNone(witnessUrls);
    }

    public String getWitnessKeys() {
        return witnessKeys;
    }

    public void setWitnessKeys(String witnessKeys) {
        this.witnessKeys = KameletOptions.blankAsNone(witnessKeys);
    }

    public long getWitnessTimeout() {
        return witnessTimeout;
    }

    public void setWitnessTimeout(long witnessTimeout) {
        this.witnessTimeout = witnessTimeout;
    }
}
