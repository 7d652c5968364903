package org.energyweb.meter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.meter.link.PtyPair;
import org.energyweb.meter.mbus.MbusDevice;
import org.energyweb.meter.mbus.MbusGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meter probe --mbus} against a real loopback M-Bus-to-TCP gateway answering with a recorded libmbus frame. */
class MbusProbeCommandTest {

    private final MeterCli cli = new MeterCli();

    @Test
    void probeReadsTheMeterAtItsPrimaryAddressAndPrintsTheChosenTariffAsJson() throws Exception {
        try (MbusGateway gateway = new MbusGateway(0x28, MbusGateway.frame("SBC_Saia-Burgess-ALE3.hex"))) {
            assertThat(cli.run("probe", "--mbus", "127.0.0.1:" + gateway.port(), "--address", "40", "--tariff", "2", "--json"))
                    .as(cli.err()).isZero();
        }

        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("energyWh").asLong()).isEqualTo(60L);
        assertThat(report.get("tariff").asInt()).isEqualTo(2);
        assertThat(report.get("secondaryAddress").asText()).contains("19000055");
    }

    @Test
    void probeReadsAMeterOnASerialLevelConverter(@TempDir Path folder) throws Exception {
        try (PtyPair line = new PtyPair(folder)) {
            new MbusDevice(0x28, MbusGateway.frame("SBC_Saia-Burgess-ALE3.hex")).answerOn(line);
            assertThat(cli.run("probe", "--mbus", "serial:" + line.gatewayDevice(), "--address", "40", "--tariff", "1", "--json"))
                    .as(cli.err()).isZero();
        }

        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("source").asText()).isEqualTo("mbus:serial:" + folder.resolve("gateway-tty") + "/40");
        assertThat(report.get("energyWh").asLong()).isEqualTo(2_930L);
    }

    @Test
    void aMeterThatDoesNotAnswerIsUnreadable() throws Exception {
        try (MbusGateway gateway = new MbusGateway(0x28, MbusGateway.frame("SBC_Saia-Burgess-ALE3.hex"))) {
            assertThat(cli.run("probe", "--mbus", "127.0.0.1:" + gateway.port(), "--address", "7", "--timeout", "300")).isEqualTo(1);
        }

        assertThat(cli.err()).contains("cannot probe mbus:127.0.0.1:").contains("/7: ");
    }
}
