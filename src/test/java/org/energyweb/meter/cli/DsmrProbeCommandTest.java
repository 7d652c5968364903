package org.energyweb.meter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.meter.dsmr.P1Bridge;
import org.energyweb.meter.dsmr.Telegrams;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meter probe --dsmr} against a real TCP bridge replaying recorded telegrams. */
class DsmrProbeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new MeterCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void probeReadsOneTelegramAndPrintsTheMeterAsJson() throws Exception {
        try (P1Bridge bridge = new P1Bridge(List.of(Telegrams.text(Telegrams.E_MUCS)))) {
            assertThat(run("probe", "--dsmr", "127.0.0.1:" + bridge.port(), "--json")).as(err.toString()).isZero();
        }

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("identification").asText()).isEqualTo("FLU5S456789_A");
        assertThat(report.get("version").asText()).isEqualTo("50213");
        assertThat(report.get("time").asText()).isEqualTo("2019-08-21T19:00:25Z");
        assertThat(report.get("energyImportWh").asLong()).isEqualTo(598_810L);
        assertThat(report.get("energyExportWh").asLong()).isEqualTo(435L);
        assertThat(report.get("gasM3").asText()).isEqualTo("29.553");
    }

    @Test
    void aCorruptedTelegramIsUnreadableWithItsReason() throws Exception {
        String corrupted = Telegrams.corrupted(Telegrams.text(Telegrams.E_MUCS), "(000260.129*kWh)", "(000960.129*kWh)");
        try (P1Bridge bridge = new P1Bridge(List.of(corrupted))) {
            assertThat(run("probe", "--dsmr", "127.0.0.1:" + bridge.port())).isEqualTo(1);
        }

        assertThat(err.toString()).contains("CRC mismatch: telegram says D145");
    }
}
