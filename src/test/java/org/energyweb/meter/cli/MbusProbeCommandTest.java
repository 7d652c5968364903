package org.energyweb.meter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.meter.mbus.MbusGateway;
import org.junit.jupiter.api.Test;

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
    void aMeterThatDoesNotAnswerIsUnreadable() throws Exception {
        try (MbusGateway gateway = new MbusGateway(0x28, MbusGateway.frame("SBC_Saia-Burgess-ALE3.hex"))) {
            assertThat(cli.run("probe", "--mbus", "127.0.0.1:" + gateway.port(), "--address", "7", "--timeout", "300")).isEqualTo(1);
        }

        assertThat(cli.err()).contains("cannot probe mbus:127.0.0.1:").contains("/7: ");
    }
}
