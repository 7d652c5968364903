package org.energyweb.fleet.cli;

import org.energyweb.cli.EnergywebCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

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
}
