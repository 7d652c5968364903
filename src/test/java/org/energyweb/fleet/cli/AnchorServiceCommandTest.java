package org.energyweb.fleet.cli;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.energyweb.cli.EnergywebCommand;
import org.energyweb.fleet.worker.AnchorWorker;
import org.energyweb.peers.FleetEngines;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AnchorServiceCommandTest {

    @Test
    void aDatabaseUrlCarryingThePasswordIsRefusedWithoutShowingIt() {
        CommandLine cli = EnergywebCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("anchor-service", "--brokers", "127.0.0.1:1",
                "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/energyweb?user=anchors&password=s3cret-value");

        assertThat(exit).isEqualTo(EnergywebCommand.ERROR);
        assertThat(err.toString()).contains("pgpass").doesNotContain("s3cret-value");
    }

    @Test
    void plainTextToABrokerOffLoopbackIsRefusedBeforeAnythingConnects(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("kafka.properties"), "security.protocol=SASL_PLAINTEXT\n");
        CommandLine cli = EnergywebCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("anchor-service", "--brokers", "192.0.2.7:9092", "--kafka-config", config.toString(),
                "--jdbc-url", "jdbc:postgresql://192.0.2.8:5432/energyweb?user=anchors");

        assertThat(exit).isEqualTo(EnergywebCommand.ERROR);
        assertThat(err.toString()).contains("SASL_PLAINTEXT sends readings unencrypted to 192.0.2.7:9092");
    }

    @Test
    void runsTheShippedRouteSetWhoseKafkaConsumerFeedsTheStoreStepAndWhoseTimerFormsAndAnchorsBatches(@TempDir Path dir) throws Exception {
        try (FleetEngines engines = FleetEngines.start(dir.resolve("kafka"))) {
            engines.broker.createTopic("energyweb-readings", 1);
            Path kafkaConfig = Files.writeString(dir.resolve("kafka.properties"), "client.rack=rack-7\n");
            AnchorServiceCommand command = new AnchorServiceCommand();
            AtomicInteger exit = new AtomicInteger(-1);
            Thread service = new Thread(() -> exit.set(new CommandLine(command).execute("--brokers", engines.broker.bootstrapServers(),
                    "--jdbc-url", engines.postgres.jdbcUrl(), "--worker-id", "worker-cli", "--kafka-config", kafkaConfig.toString())));
            service.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> command.worker != null && command.worker.camelContext() != null);
                CamelContext context = command.worker.camelContext();

                Route readings = context.getRoute("fleet-anchor-readings");
                assertThat(readings.getSourceResource().getLocation()).isEqualTo(AnchorWorker.ROUTES);
                assertThat(readings.getEndpoint().getEndpointUri()).startsWith("kafka://energyweb-readings");
                assertThat(readings.getEndpoint().getEndpointUri()).contains("batching=true", "allowManualCommit=true",
                        "groupId=energyweb-anchors", "clientId=worker-cli");
                // the Kafka client settings of the file, off the endpoint's URI
                assertThat(((KafkaEndpoint) readings.getEndpoint()).getConfiguration().getAdditionalProperties()).containsEntry("client.rack", "rack-7");
                assertThat(readings.getEndpoint().getEndpointUri()).doesNotContain("rack-7");
                assertThat(context.getRoute("fleet-anchor-batches").getEndpoint().getEndpointUri()).startsWith("timer://");
            } finally {
                if (command.worker != null) {
                    command.worker.close();
                }
                service.join();
            }
            assertThat(exit.get()).isZero();
        }
    }
}
