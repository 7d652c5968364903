package org.energyweb.meter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.meter.dsmr.P1Bridge;
import org.energyweb.meter.dsmr.Telegrams;
import org.energyweb.meter.link.PtyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meter probe --dsmr} against a real TCP bridge replaying recorded telegrams, and a real serial line (socat's ptys). */
class DsmrProbeCommandTest {

    private final MeterCli cli = new MeterCli();

    @Test
    void probeReadsOneTelegramAndPrintsTheMeterAsJson() throws Exception {
        try (P1Bridge bridge = new P1Bridge(List.of(Telegrams.text(Telegrams.E_MUCS)))) {
            assertThat(cli.run("probe", "--dsmr", "127.0.0.1:" + bridge.port(), "--json")).as(cli.err()).isZero();
        }

        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("identification").asText()).isEqualTo("FLU5S456789_A");
        assertThat(report.get("version").asText()).isEqualTo("50213");
        assertThat(report.get("time").asText()).isEqualTo("2019-08-21T19:00:25Z");
        assertThat(report.get("energyImportWh").asLong()).isEqualTo(598_810L);
        assertThat(report.get("energyExportWh").asLong()).isEqualTo(435L);
        assertThat(report.get("gasM3").asText()).isEqualTo("29.553");
    }

    @Test
    void probeReadsOneTelegramFromASerialDevice(@TempDir Path folder) throws Exception {
        try (PtyPair line = new PtyPair(folder); OutputStream meter = line.meterOutput()) {
            // The meter talks before the probe opens the device: the pty keeps the bytes, as a UART's buffer would.
            meter.write(Telegrams.text(Telegrams.E_MUCS).getBytes(StandardCharsets.US_ASCII));
            meter.flush();
            assertThat(cli.run("probe", "--dsmr", "serial:" + line.gatewayDevice(), "--json")).as(cli.err()).isZero();
        }

        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("source").asText()).isEqualTo("dsmr:serial:" + folder.resolve("gateway-tty"));
        assertThat(report.get("energyImportWh").asLong()).isEqualTo(598_810L);
    }

    @Test
    void aCorruptedTelegramIsUnreadableWithItsReason() throws Exception {
        String corrupted = Telegrams.corrupted(Telegrams.text(Telegrams.E_MUCS), "(000260.129*kWh)", "(000960.129*kWh)");
        try (P1Bridge bridge = new P1Bridge(List.of(corrupted))) {
            assertThat(cli.run("probe", "--dsmr", "127.0.0.1:" + bridge.port())).isEqualTo(1);
        }

        assertThat(cli.err()).contains("CRC mismatch: telegram says D145");
    }
}
