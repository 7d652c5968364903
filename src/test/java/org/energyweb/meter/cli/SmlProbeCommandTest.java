package org.energyweb.meter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.meter.TcpReplayServer;
import org.energyweb.meter.link.PtyPair;
import org.energyweb.meter.sml.SmlStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Path;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meter probe --sml} against a real TCP bridge replaying a recorded SML stream. */
class SmlProbeCommandTest {

    private final MeterCli cli = new MeterCli();

    @Test
    void probeReadsOneSmlFileAndPrintsTheMeterAsJson() throws Exception {
        try (TcpReplayServer bridge = new TcpReplayServer(SmlStreams.files(SmlStreams.ISKRA_MT691))) {
            assertThat(cli.run("probe", "--sml", "127.0.0.1:" + bridge.port(), "--json")).as(cli.err()).isZero();
        }

        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("serverId").asText()).isEqualTo("0a0149534b0004325ec5");
        assertThat(report.get("energyImportWh").asLong()).isEqualTo(198_927L);
        assertThat(report.get("energyExportWh").isNull()).isTrue();
        assertThat(report.get("powerW").asLong()).isEqualTo(26L);
    }

    @Test
    void probeReadsOneSmlFileFromASerialDevice(@TempDir Path folder) throws Exception {
        try (PtyPair line = new PtyPair(folder); OutputStream head = line.meterOutput()) {
            head.write(SmlStreams.files(SmlStreams.ISKRA_MT691).get(0));
            head.flush();
            assertThat(cli.run("probe", "--sml", "serial:" + line.gatewayDevice(), "--json")).as(cli.err()).isZero();
        }

        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("source").asText()).isEqualTo("sml:serial:" + folder.resolve("gateway-tty"));
        assertThat(report.get("energyImportWh").asLong()).isEqualTo(198_927L);
    }

    @Test
    void aFileWithAWrongCrcIsUnreadableWithItsReason() throws Exception {
        byte[] corrupted = SmlStreams.corrupted(SmlStreams.files(SmlStreams.ISKRA_MT691).get(0), "65001e5a99", "65001e5a98");
        try (TcpReplayServer bridge = new TcpReplayServer(List.of(corrupted))) {
            assertThat(cli.run("probe", "--sml", "127.0.0.1:" + bridge.port())).isEqualTo(1);
        }

        assertThat(cli.err()).contains("cannot probe sml:127.0.0.1:").contains("SML file rejected: wrong crc");
    }
}
