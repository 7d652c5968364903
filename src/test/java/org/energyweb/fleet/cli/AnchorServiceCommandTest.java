package org.energyweb.fleet.cli;

import org.energyweb.cli.EnergywebCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
}
