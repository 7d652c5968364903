package org.energyweb.meter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.meter.modbus.ModbusTestServer;
import org.energyweb.meter.modbus.RegisterImage;
import org.energyweb.meter.modbus.SunSpecImages;
import org.energyweb.peers.PeerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code meter probe} against a real Modbus TCP server. */
class MeterCommandTest {

    private static final Path PROJECT = Path.of(System.getProperty("energyweb.project.dir", "."));

    private final ModbusTestServer server = ModbusTestServer.start(3);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void probePrintsTheSunSpecDeviceAndItsValuesAsJson() throws Exception {
        server.set(SunSpecImages.model203(123_456, 7_890, 1, 2_500, -1));

        assertThat(run("probe", "--modbus", server.hostAndPort(), "--unit-id", "3", "--json")).isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/device/manufacturer").asText()).isEqualTo("Energyweb Test Meters");
        assertThat(report.at("/device/model").asText()).isEqualTo("EW-203");
        assertThat(report.at("/device/serial").asText()).isEqualTo("SN-0042-203");
        assertThat(report.at("/device/sunSpecModels").toString()).isEqualTo("[1,203]");
        assertThat(report.get("energyImportWh").asLong()).isEqualTo(1_234_560L);
        assertThat(report.get("energyExportWh").asLong()).isEqualTo(78_900L);
        assertThat(report.get("powerW").asLong()).isEqualTo(250L);
    }

    @Test
    void probeWithoutJsonPrintsOneValuePerLine() {
        server.set(SunSpecImages.model213(5_000f, 0f, 0f));

        assertThat(run("probe", "--modbus", server.hostAndPort(), "--unit-id", "3")).isZero();

        assertThat(out.toString()).contains("model: EW-213", "sunSpecModels: [1, 213]", "energyImportWh: 5000");
    }

    @Test
    void probeReadsARegisterMappedMeter() throws Exception {
        server.set(new RegisterImage().uint32LowWordFirst(100, 4_200).uint32LowWordFirst(102, 100)
                .uint32LowWordFirst(104, 12).int16(106, 2));

        assertThat(run("probe", "--modbus", server.hostAndPort(), "--unit-id", "3", "--json",
                "--map", PROJECT.resolve("config/maps/sample-swapped-word-meter.yaml").toString())).isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/device/manufacturer").asText()).isEqualTo("Example Metering");
        assertThat(report.get("energyImportWh").asLong()).isEqualTo(42_000L);
        assertThat(report.get("powerW").asLong()).isEqualTo(1_200L);
    }

    @Test
    void aDeviceThatIsNotSunSpecExitsWithOneAndTheReason() {
        server.set(0, 1, 2);

        assertThat(run("probe", "--modbus", server.hostAndPort(), "--unit-id", "3")).isEqualTo(1);

        assertThat(err.toString()).startsWith("cannot probe modbus:127.0.0.1:" + server.port() + "/3: no SunSpec marker 'SunS'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aRefusedConnectionExitsWithOneAndTheReason() {
        int closed = PeerProcess.freeLoopbackPort();

        assertThat(run("probe", "--modbus", "127.0.0.1:" + closed)).isEqualTo(1);

        assertThat(err.toString()).contains("cannot connect to 127.0.0.1:" + closed);
    }

    @Test
    void anImportRegisterWithoutValueExitsWithOne() {
        server.set(SunSpecImages.model203(0, 10, 0, 0, 0));

        assertThat(run("probe", "--modbus", server.hostAndPort(), "--unit-id", "3")).isEqualTo(1);

        assertThat(err.toString()).contains("TotWhImp at 40116 holds the 'not implemented' value 0");
    }

    @Test
    void aMissingAddressIsAUsageError() {
        assertThat(run("probe")).isEqualTo(2);
        assertThat(err.toString()).contains("name one meter: --modbus HOST:PORT, --dsmr HOST:PORT");
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        assertThat(run("probe", "--modbus", "127.0.0.1:modbus")).isEqualTo(2);
        assertThat(err.toString()).contains("the port in '127.0.0.1:modbus' is not a number");
    }

    @Test
    void anUnusableMapIsAUsageErrorNamingTheFile() {
        Path missing = PROJECT.resolve("config/maps/no-such-map.yaml");
        assertThat(run("probe", "--modbus", server.hostAndPort(), "--map", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("register map " + missing);
    }

    @Test
    void meterWithoutSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new MeterCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
