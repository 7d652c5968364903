package org.energyweb.peers;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (one process is broker and controller), run
 * in a child JVM on free loopback ports, for tests and the demo. The broker's classes come from a
 * classpath that holds {@code org.apache.kafka:kafka_2.13} (the test classpath by default). Its log
 * folder outlives {@link #stop()}, so {@link #start()} again is the same broker back on the same port
 * with every topic and committed offset it held.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final Path home;
    private final String classpath;
    private final int port;
    private final int controllerPort;
    private PeerProcess process;

    private KafkaBroker(Path home, String classpath, int port, int controllerPort) {
        this.home = home.toAbsolutePath();
        this.classpath = classpath;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a fresh broker in {@code home} and starts it, with the broker classes of this JVM's classpath. */
    public static KafkaBroker start(Path home) {
        return start(home, System.getProperty("java.class.path"));
    }

    /** As {@link #start(Path)}, with the broker classes taken from {@code classpath}. */
    public static KafkaBroker start(Path home, String classpath) {
        KafkaBroker broker = new KafkaBroker(home, classpath, PeerProcess.freeLoopbackPort(), PeerProcess.freeLoopbackPort());
        broker.format();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the broker (again) and waits until it answers as a cluster with itself as controller. */
    public void start() {
        List<String> command = java("kafka.Kafka", serverProperties().toString());
        process = PeerProcess.start("kafka", port, command, home, READY_WITHIN, home.resolve("log"));
        awaitCluster();
    }

    /** Stops the broker the way an operator does (SIGTERM, a controlled shutdown); its data stays. */
    public void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    public boolean isRunning() {
        return process != null && process.process().isAlive();
    }

    /** Creates {@code topic} with {@code partitions} partitions (one replica: there is one broker). */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + " on " + bootstrapServers() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** The port opens before the broker has registered with its controller: ask for the cluster until it knows itself. */
    private void awaitCluster() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (admin.describeCluster().controller().get(10, TimeUnit.SECONDS) != null
                            && !admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    if (System.nanoTime() > deadline || !isRunning()) {
                        throw new IllegalStateException("Kafka broker not ready on " + bootstrapServers() + "; see " + process.log(), notYet);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** kafka-storage format: a KRaft broker refuses to start on an unformatted log folder. */
    private void format() {
        try {
            Files.createDirectories(home.resolve("log"));
            Files.writeString(serverProperties(), properties());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka configuration in " + home, e);
        }
        List<String> command = java("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties().toString());
        PeerProcess.runToCompletion("kafka-storage format", command, home, home.resolve("log").resolve("kafka-storage-format.log"), READY_WITHIN);
    }

    private Path serverProperties() {
        return home.resolve("server.properties");
    }

    /** One node that is its own controller quorum, plain text on loopback only, replication factors of one. */
    private String properties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // a test's consumer group forms at once instead of after the default 3 s
                "group.initial.rebalance.delay.ms=0",
                // a session timeout short enough for the chaos tests' paused worker to lose its partitions
                "group.min.session.timeout.ms=1000",
                "auto.create.topics.enable=false",
                "");
    }

    private List<String> java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        return command;
    }
}
