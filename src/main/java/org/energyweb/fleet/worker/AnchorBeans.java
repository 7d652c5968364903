package org.energyweb.fleet.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Service;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.fleet.gateway.KafkaTransport;
import org.energyweb.fleet.store.FleetStore;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.web3j.crypto.Credentials;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds the anchor service's {@link AnchorSteps} from the route set's {@code energyweb.anchor.*} properties
 * (the set's {@code beans:} name this class as the builder of {@code anchorSteps}), so the set runs from YAML
 * alone: under {@code energyweb run}, in another Camel application, or in an {@link AnchorWorker}. Settings
 * are checked before anything connects: a database URL carrying a password and plain text to a remote
 * broker are refused. No secret is a property: the keystore password is read from a file or from an
 * environment variable the properties name, the database password from a pgpass file. The gas of the
 * anchor transactions is counted in the context's {@link MeterRegistry}, if it has one.
 */
public final class AnchorBeans implements CamelContextAware {

    private CamelContext camelContext;
    private String brokers;
    private String topic;
    private String workerId;
    private String jdbcUrl;
    private String pgpassFile = "";
    private String gateways = "";
    private String batchSize = "10000";
    private String batchInterval = "PT10S";
    private String kafkaConfig = "";
    private String kafkaAllowInsecure = "false";
    private String rpcUrl = "";
    private String allowInsecure = "false";
    private String contract = "";
    private String keystore = "";
    private String passwordFile = "";
    private String passwordEnv = KeyPassword.ENVIRONMENT_VARIABLE;
    private String resendAfter = "PT30S";
    private String resultsTopic = "energyweb-anchors";
    private String ipfsApi = "";

    /** The steps, closed with the context that built them. */
    public AnchorSteps build() {
        check(brokers, jdbcUrl, kafkaConfig, Boolean.parseBoolean(kafkaAllowInsecure));
        Map<String, String> kafka = kafkaSettings(kafkaConfig);
        if (!pgpassFile.isBlank()) {
            // the PostgreSQL driver's own setting: it reads the password from there at every connection
            System.setProperty("org.postgresql.pgpassfile", Path.of(pgpassFile).toAbsolutePath().toString());
        }
        AnchorSteps.Chain chain = rpcUrl.isBlank() ? null : chain();
        try (FleetStore store = new FleetStore(jdbcUrl)) {
            Arrays.stream(gateways.split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(store::addGateway);
        }
        AnchorSteps steps = new AnchorSteps(new AnchorSteps.Settings(brokers, topic, workerId, jdbcUrl, Integer.parseInt(batchSize.trim()),
                Duration.parse(batchInterval.trim()), kafka, chain), metrics());
        try {
            camelContext.addService(new Service() {
                @Override
                public void start() {
                }

                @Override
                public void stop() {
                    steps.close();
                }
            }, true, true);
        } catch (Exception e) {
            steps.close();
            throw new IllegalStateException("anchor service " + workerId + ": " + e.getMessage(), e);
        }
        return steps;
    }

    /**
     * Refuses settings that would leak a secret or send readings unencrypted: a database URL carrying its
     * password, plain text to a broker off loopback unless {@code kafkaAllowInsecure}.
     *
     * @throws IllegalArgumentException saying which, without the secret
     */
    public static void check(String brokers, String jdbcUrl, String kafkaConfig, boolean kafkaAllowInsecure) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("energyweb.anchor.jdbcUrl is not set");
        }
        if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password=")) {
            // the URL shows in process lists, shell histories and logs
            throw new IllegalArgumentException("the database URL must not carry the password: put it in a pgpass file (pgpassFile)");
        }
        KafkaTransport.check(brokers, kafkaSettings(kafkaConfig).get("security.protocol"), kafkaAllowInsecure);
    }

    /** The steps' {@link AnchorSteps#subscription()}, for the set's {@code beans:} (their factories are static). */
    public static SubscribeAdapter subscription(AnchorSteps steps) {
        return steps.subscription();
    }

    /** Kafka client settings of a remote cluster (TLS, SASL) from a Java properties file; none without one. */
    public static Map<String, String> kafkaSettings(String file) {
        Map<String, String> settings = new HashMap<>();
        if (file == null || file.isBlank()) {
            return settings;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the Kafka settings " + file + ": " + e.getMessage(), e);
        }
        Set<String> names = properties.stringPropertyNames();
        names.forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    private AnchorSteps.Chain chain() {
        if (contract.isBlank() || keystore.isBlank()) {
            throw new IllegalArgumentException("anchoring on " + rpcUrl + " needs energyweb.anchor.contract and energyweb.anchor.keystore");
        }
        Credentials credentials = Keystore.unlock(Path.of(keystore), passwordFile.isBlank() ? null : passwordFile, null, passwordEnv);
        return new AnchorSteps.Chain(rpcUrl, Boolean.parseBoolean(allowInsecure), credentials, contract, Duration.parse(resendAfter.trim()),
                resultsTopic, ipfsApi.isBlank() ? null : IpfsClientConfig.of(ipfsApi));
    }

    private MeterRegistry metrics() {
        Set<MeterRegistry> registries = camelContext.getRegistry().findByType(MeterRegistry.class);
        return registries.size() == 1 ? registries.iterator().next() : new CompositeMeterRegistry();
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public void setWorkerId(String workerId) {
        this.workerId = workerId;
    }

    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public void setPgpassFile(String pgpassFile) {
        this.pgpassFile = pgpassFile;
    }

    public void setGateways(String gateways) {
        this.gateways = gateways;
    }

    public void setBatchSize(String batchSize) {
        this.batchSize = batchSize;
    }

    public void setBatchInterval(String batchInterval) {
        this.batchInterval = batchInterval;
    }

    public void setKafkaConfig(String kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    public void setKafkaAllowInsecure(String kafkaAllowInsecure) {
        this.kafkaAllowInsecure = kafkaAllowInsecure;
    }

    public void setRpcUrl(String rpcUrl) {
        this.rpcUrl = rpcUrl;
    }

    public void setAllowInsecure(String allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public void setContract(String contract) {
        this.contract = contract;
    }

    public void setKeystore(String keystore) {
        this.keystore = keystore;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }

    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = passwordEnv;
    }

    public void setResendAfter(String resendAfter) {
        this.resendAfter = resendAfter;
    }

    public void setResultsTopic(String resultsTopic) {
        this.resultsTopic = resultsTopic;
    }

    public void setIpfsApi(String ipfsApi) {
        this.ipfsApi = ipfsApi;
    }
}
