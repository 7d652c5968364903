package org.energyweb.fleet.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.energyweb.fleet.proof.ProofServer;
import org.energyweb.fleet.worker.AnchorBeans;
import org.energyweb.fleet.worker.AnchorWorker;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "anchor-service", mixinStandardHelpOptions = true,
        description = "Runs one anchoring worker of the fleet: consumes the gateways' readings from Kafka in a consumer group,"
                + " checks them, keeps them with the consumed offsets in PostgreSQL, forms Merkle batches and anchors them with the service's key. Start several"
                + " (on one or more machines) with the same --group; each partition is worked by one of them at a time. It runs the route set"
                + " routes/fleet/anchor-service.camel.yaml shipped in the jar, its options mapped to the set's energyweb.anchor.* properties"
                + " (energyweb run --routes FILE --config FILE runs the same set from a properties file).")
public class AnchorServiceCommand implements Callable<Integer> {

    @Option(names = "--brokers", required = true, description = "Bootstrap servers of the Kafka cluster.")
    String brokers;

    @Option(names = "--topic", defaultValue = "energyweb-readings", description = "The readings topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--group", defaultValue = "energyweb-anchors", description = "The workers' consumer group (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--worker-id", description = "This worker's name in logs and in the database (default: a random one).")
    String workerId;

    @Option(names = "--jdbc-url", required = true,
            description = "The service's PostgreSQL database, e.g. jdbc:postgresql://db:5432/energyweb?user=anchors (a password in it is"
                    + " refused: the driver reads it from a pgpass file).")
    String jdbcUrl;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client settings (Java properties) for a remote cluster: security.protocol, ssl.truststore.location,"
                    + " sasl.mechanism, sasl.jaas.config... Kept in a file so credentials stay off the command line.")
    Path kafkaConfig;

    @Option(names = "--kafka-allow-insecure",
            description = "Accept plain text (PLAINTEXT, SASL_PLAINTEXT) to brokers that are not on a loopback address.")
    boolean kafkaAllowInsecure;

    @Option(names = "--pgpass", paramLabel = "FILE",
            description = "The database password in a pgpass file (lines host:port:database:user:password, mode 0600); default: the"
                    + " file named by the PGPASSFILE variable, else ~/.pgpass.")
    Path pgpass;

    @Spec
    CommandSpec spec;

    /** The running worker, once started. */
    volatile AnchorWorker worker;

    @Option(names = "--gateway", description = "Registers a gateway id whose readings are accepted (repeatable; kept in the database).")
    List<String> gateways = List.of();

    @Option(names = "--batch-size", defaultValue = "10000", description = "Readings that make a Merkle batch at once (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--batch-interval", defaultValue = "PT10S", description = "Longest wait for a batch to fill, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration batchInterval;

    @Option(names = "--session-timeout", defaultValue = "PT10S",
            description = "How long the group waits for a silent worker before its partitions go to another, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration sessionTimeout;

    @Option(names = "--http-port", description = "Serve GET /proof/{sha256} and GET /observe/metrics (Prometheus) on this port (0: any free one; default: no HTTP server).")
    Integer httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "Address the proof server listens on (default: ${DEFAULT-VALUE}).")
    String httpHost;

    @ArgGroup(exclusive = false, heading = "Anchoring on chain (without it, batches are formed and not anchored):%n")
    ChainOptions chain;

    static class ChainOptions {
        @Option(names = "--rpc", required = true, paramLabel = "URL", description = "JSON-RPC URL of the chain's node.")
        String rpc;

        @Option(names = "--allow-insecure", description = "Accept a plain-http --rpc URL to another machine.")
        boolean allowInsecure;

        @Option(names = "--contract", required = true, description = "Address of the ReadingAnchor contract.")
        String contract;

        @Option(names = "--keystore", required = true, paramLabel = "FILE",
                description = "V3 keystore of the service's own account, shared by its workers.")
        Path keystore;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "File whose first line is the keystore password; default: the ENERGYWEB_KEY_PASSWORD variable.")
        Path passwordFile;

        @Option(names = "--resend-after", defaultValue = "PT30S",
                description = "How long a transaction may stay unmined before it is replaced with higher fees, ISO-8601 (default: ${DEFAULT-VALUE}).")
        Duration resendAfter;

        @Option(names = "--ipfs-api", paramLabel = "URL",
                description = "IPFS node RPC API where each batch's manifest is stored before its CID goes on chain (https unless loopback).")
        String ipfsApi;

        @Option(names = "--results-topic", defaultValue = "energyweb-anchors",
                description = "Topic the gateways read their readings' proofs from (default: ${DEFAULT-VALUE}).")
        String resultsTopic;

        void addTo(Properties settings) {
            settings.setProperty("energyweb.anchor.rpcUrl", rpc);
            settings.setProperty("energyweb.anchor.allowInsecure", String.valueOf(allowInsecure));
            settings.setProperty("energyweb.anchor.contract", contract);
            settings.setProperty("energyweb.anchor.keystore", keystore.toAbsolutePath().toString());
            if (passwordFile != null) {
                settings.setProperty("energyweb.anchor.passwordFile", passwordFile.toAbsolutePath().toString());
            }
            settings.setProperty("energyweb.anchor.resendAfter", resendAfter.toString());
            settings.setProperty("energyweb.anchor.resultsTopic", resultsTopic);
            if (ipfsApi != null) {
                settings.setProperty("energyweb.anchor.ipfsApi", ipfsApi);
            }
        }
    }

    /** The route set's properties this command's options stand for (the set's header lists them). */
    Properties settings(String id) {
        Properties settings = new Properties();
        settings.setProperty("energyweb.anchor.brokers", brokers);
        settings.setProperty("energyweb.anchor.topic", topic);
        settings.setProperty("energyweb.anchor.group", group);
        settings.setProperty("energyweb.anchor.workerId", id);
        settings.setProperty("energyweb.anchor.jdbcUrl", jdbcUrl);
        settings.setProperty("energyweb.anchor.sessionTimeoutMs", String.valueOf(sessionTimeout.toMillis()));
        settings.setProperty("energyweb.anchor.heartbeatIntervalMs", String.valueOf(Math.max(100, sessionTimeout.toMillis() / 4)));
        settings.setProperty("energyweb.anchor.batchSize", String.valueOf(batchSize));
        settings.setProperty("energyweb.anchor.batchInterval", batchInterval.toString());
        settings.setProperty("energyweb.anchor.gateways", String.join(",", gateways));
        settings.setProperty("energyweb.anchor.kafkaAllowInsecure", String.valueOf(kafkaAllowInsecure));
        if (kafkaConfig != null) {
            settings.setProperty("energyweb.anchor.kafkaConfig", kafkaConfig.toAbsolutePath().toString());
        }
        if (pgpass != null) {
            settings.setProperty("energyweb.anchor.pgpassFile", pgpass.toAbsolutePath().toString());
        }
        if (chain != null) {
            chain.addTo(settings);
        }
        return settings;
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            // the route set checks them too; here a refusal is a usage error, before any thread starts
            AnchorBeans.check(brokers, jdbcUrl, kafkaConfig == null ? null : kafkaConfig.toString(), kafkaAllowInsecure);
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
        String id = workerId != null ? workerId : "worker-" + UUID.randomUUID().toString().substring(0, 8);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        worker = new AnchorWorker(settings(id), metrics);
        Thread loop = new Thread(worker, id);
        AtomicReference<Throwable> died = new AtomicReference<>();
        // the loop has left the group and closed its store by then; the process says it failed, so a supervisor restarts it
        loop.setUncaughtExceptionHandler((thread, failure) -> {
            died.set(failure);
            thread.getThreadGroup().uncaughtException(thread, failure);
        });
        ProofServer proofs = httpPort == null ? null : ProofServer.start(new InetSocketAddress(httpHost, httpPort), jdbcUrl, metrics);
        if (proofs != null) {
            System.out.println("proofs: http://" + httpHost + ":" + proofs.port() + "/proof/{sha256}, metrics " + ProofServer.METRICS_PATH);
        }
        // SIGTERM or Ctrl-C: leave the group at once, so the partitions move without waiting for the session timeout
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            try {
                loop.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        loop.start();
        loop.join();
        if (proofs != null) {
            proofs.close();
        }
        if (died.get() != null) {
            System.err.println("worker " + id + " stopped by an error (above); exiting so that it is restarted");
            return 1;
        }
        return 0;
    }
}
