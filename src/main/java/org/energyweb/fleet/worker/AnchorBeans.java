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

    private static final String PREFIX = "energyweb.anchor.";

    private CamelContext camelContext;

    /**
     * The steps, closed with the context that built them. The settings are read here, not bound by Camel:
     * Camel builds a bean whose first build failed once more, without the properties it bound the first time.
     */
    public AnchorSteps build() {
        String brokers = required("brokers");
        String workerId = required("workerId");
        String jdbcUrl = setting("jdbcUrl", "");
        String kafkaConfig = setting("kafkaConfig", "");
        check(brokers, jdbcUrl, kafkaConfig, Boolean.parseBoolean(setting("kafkaAllowInsecure", "false")));
        Map<String, String> kafka = kafkaSettings(kafkaConfig);
        String pgpassFile = setting("pgpassFile", "");
        if (!pgpassFile.isBlank()) {
            // the PostgreSQL driver's own setting: it reads the password from there at every connection
            System.setProperty("org.postgresql.pgpassfile", Path.of(pgpassFile).toAbsolutePath().toString());
        }
        AnchorSteps.Chain chain = setting("rpcUrl", "").isBlank() ? null : chain();
        try (FleetStore store = new FleetStore(jdbcUrl)) {
            Arrays.stream(setting("gateways", "").split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(store::addGateway);
        }
        AnchorSteps steps = new AnchorSteps(new AnchorSteps.Settings(brokers, setting("topic", "energyweb-readings"), workerId, jdbcUrl,
                Integer.parseInt(setting("batchSize", "10000")), Duration.parse(setting("batchInterval", "PT10S")), kafka, chain), metrics());
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

    /** The steps' {@link AnchorSteps#subscription()}, for the set's {@code beans:} (their factories are static). */
    public static SubscribeAdapter subscription(AnchorSteps steps) {
        return steps.subscription();
    }

    /**
     * Refuses settings that would leak a secret or send readings unencrypted: a database URL carrying its
     * password, plain text to a broker off loopback unless {@code kafkaAllowInsecure}.
     *
     * @throws IllegalArgumentException saying which, without the secret
     */
    public static void check(String brokers, String jdbcUrl, String kafkaConfig, boolean kafkaAllowInsecure) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "jdbcUrl is not set");
        }
        if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password=")) {
            // the URL shows in process lists, shell histories and logs
            throw new IllegalArgumentException("the database URL must not carry the password: put it in a pgpass file (pgpassFile)");
        }
        KafkaTransport.check(brokers, kafkaSettings(kafkaConfig).get("security.protocol"), kafkaAllowInsecure);
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
        String rpcUrl = setting("rpcUrl", "");
        String contract = setting("contract", "");
        String keystore = setting("keystore", "");
        if (contract.isBlank() || keystore.isBlank()) {
            throw new IllegalArgumentException("anchoring on " + rpcUrl + " needs " + PREFIX + "contract and " + PREFIX + "keystore");
        }
        String passwordFile = setting("passwordFile", "");
        Credentials credentials = Keystore.unlock(Path.of(keystore), passwordFile.isBlank() ? null : passwordFile, null,
                setting("passwordEnv", KeyPassword.ENVIRONMENT_VARIABLE));
        String ipfsApi = setting("ipfsApi", "");
        return new AnchorSteps.Chain(rpcUrl, Boolean.parseBoolean(setting("allowInsecure", "false")), credentials, contract,
                Duration.parse(setting("resendAfter", "PT30S")), setting("resultsTopic", "energyweb-anchors"),
                ipfsApi.isBlank() ? null : IpfsClientConfig.of(ipfsApi));
    }

    private String setting(String name, String otherwise) {
        return camelContext.getPropertiesComponent().resolveProperty(PREFIX + name).map(String::trim).orElse(otherwise);
    }

    private String required(String name) {
        String value = setting(name, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + name + " is not set");
        }
        return value;
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
}
