package org.energyweb.meter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.meter.mqtt.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meter probe --mqtt} against a real Mosquitto broker holding the device's retained or published message. */
class MqttProbeCommandTest {

    @TempDir
    Path dir;

    private final MeterCli cli = new MeterCli();

    @Test
    void probeReadsTheFirstRegisterMessageWithTheJsonMappingAndPrintsItAsJson() throws Exception {
        Instant time = Instant.now().minusSeconds(30);
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            // Retained, so it is there when the probe subscribes; dated by the device, so its age can be told.
            broker.publish("evcc/site/grid", "{\"time\":\"" + time + "\",\"energy\":1234.5675,\"power\":-420}", true);

            assertThat(cli.run("probe", "--mqtt", broker.url(), "--topic", "evcc/site/grid", "--format", "json", "--energy-path", "$.energy",
                    "--energy-unit", "kWh", "--power-path", "$.power", "--time-path", "$.time", "--json")).as(cli.err()).isZero();
        }

        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("source").asText()).isEqualTo("mqtt:evcc/site/grid");
        assertThat(report.get("time").asText()).isEqualTo(time.truncatedTo(ChronoUnit.MILLIS).toString());
        assertThat(report.get("energyImportWh").asLong()).isEqualTo(1_234_567L);
        assertThat(report.get("powerW").asLong()).isEqualTo(-420L);
    }

    @Test
    void aRetainedShellyTotalIsUnreadableWithItsReason() throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.publish("pro3em-1/status/emdata:0", "{\"id\":0,\"total_act\":1200.00,\"total_act_ret\":0.00}", true);

            assertThat(cli.run("probe", "--mqtt", broker.url(), "--topic", "pro3em-1/status/+", "--format", "shelly")).isEqualTo(1);
        }

        assertThat(cli.err()).contains("cannot probe mqtt:pro3em-1/status/+: retained Shelly total");
    }
}
