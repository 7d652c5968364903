package org.energyweb.meter.modbus;

import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Non-SunSpec meters read through a YAML register map from a real Modbus TCP server. */
class RegisterMapMeterTest {

    private static final Path SAMPLE = Path.of(System.getProperty("energyweb.project.dir", "."), "config/maps/sample-swapped-word-meter.yaml");

    private final ModbusTestServer server = ModbusTestServer.start(1);
    @TempDir
    Path dir;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theSampleMapReadsSwappedWordsAtOneBasedAddresses() {
        server.set(new RegisterImage()
                .uint32LowWordFirst(100, 12_345_678)
                .uint32LowWordFirst(102, 90_000)
                .uint32LowWordFirst(104, -4_321 & 0xFFFF_FFFFL)
                .int16(106, -1));
        try (ModbusMeterPoller poller = poller(RegisterMap.load(SAMPLE))) {
            Measurement reading = poller.poll();
            assertThat(reading.energyWh()).isEqualTo(123_456_780L);
            assertThat(reading.exportWh()).isEqualTo(900_000L);
            assertThat(reading.powerW()).isEqualTo(-432L);
        }
    }

    @Test
    void theSampleMapDescribesTheDevice() throws Exception {
        try (ModbusMeter meter = new ModbusMeter(settings(RegisterMap.load(SAMPLE)))) {
            DeviceDescription device = meter.layout().description();
            assertThat(device.manufacturer()).isEqualTo("Example Metering");
            assertThat(device.model()).isEqualTo("EX-3P-100");
            assertThat(device.sunSpecModels()).isEmpty();
        }
    }

    @Test
    void aZeroBasedMapReadsTheSameRegisterAsItsOneBasedTwin() throws IOException {
        server.set(new RegisterImage().uint32(200, 5_000));
        try (ModbusMeterPoller zeroBased = poller(map("addressBase: 0\npoints:\n  energyImport: {address: 200, type: uint32, unit: Wh}\n"));
             ModbusMeterPoller oneBased = poller(map("addressBase: 1\npoints:\n  energyImport: {address: 201, type: uint32, unit: Wh}\n"))) {
            assertThat(zeroBased.poll().energyWh()).isEqualTo(5_000L);
            assertThat(oneBased.poll().energyWh()).isEqualTo(5_000L);
        }
    }

    @Test
    void readsInputRegistersWhenTheMapSaysSo() throws IOException {
        server.set(new RegisterImage().float32(10, 2.5f));
        try (ModbusMeterPoller poller = poller(map("addressBase: 0\ntable: input\npoints:\n  energyImport: {address: 10, type: float32, unit: MWh}\n"))) {
            assertThat(poller.poll().energyWh()).isEqualTo(2_500_000L);
        }
    }

    @Test
    void readsLittleEndianBytesInsideEachRegister() throws IOException {
        server.set(10, 0x3412);
        try (ModbusMeterPoller poller = poller(map("addressBase: 0\nbyteOrder: little\npoints:\n  energyImport: {address: 10, type: uint16, unit: Wh}\n"))) {
            assertThat(poller.poll().energyWh()).isEqualTo(0x1234L);
        }
    }

    @Test
    void readsSixtyFourBitCounters() throws IOException {
        server.set(new RegisterImage().int64(10, 9_876_543_210_123L));
        try (ModbusMeterPoller poller = poller(map("addressBase: 0\npoints:\n  energyImport: {address: 10, type: uint64, unit: Wh}\n"))) {
            assertThat(poller.poll().energyWh()).isEqualTo(9_876_543_210_123L);
        }
    }

    @Test
    void aCounterTooLargeForAReadingIsAFault() throws IOException {
        server.set(new RegisterImage().int64(10, Long.MAX_VALUE));
        try (ModbusMeterPoller poller = poller(map("addressBase: 0\npoints:\n  energyImport: {address: 10, type: uint64, unit: Wh}\n"))) {
            assertThat(catchThrowableOfType(MeterFaultException.class, poller::poll).fault().reason())
                    .isEqualTo("values of the meter cannot be used: 9223372036854775807 Wh is beyond what a reading can hold exactly");
        }
    }

    @Test
    void pointsFarApartAreReadOneByOne() throws IOException {
        server.set(new RegisterImage().uint32(10, 7_000).int16(3_000, 250));
        try (ModbusMeterPoller poller = poller(map("addressBase: 0\npoints:\n  energyImport: {address: 10, type: uint32, unit: Wh}\n"
                + "  power: {address: 3000, type: int16, unit: kW}\n"))) {
            Measurement reading = poller.poll();
            assertThat(reading.energyWh()).isEqualTo(7_000L);
            assertThat(reading.powerW()).isEqualTo(250_000L);
        }
    }

    @Test
    void anAcc32PointWrapsAtTwoToThe32() throws IOException {
        server.set(new RegisterImage().uint32(10, 0xFFFF_FFF0L));
        try (ModbusMeterPoller poller = poller(map("addressBase: 0\npoints:\n  energyImport: {address: 10, type: acc32, unit: Wh}\n"))) {
            poller.poll();
            server.set(new RegisterImage().uint32(10, 0x10));
            assertThat(poller.poll().energyWh()).isEqualTo((1L << 32) + 0x10);
        }
    }

    @Test
    void aScaleFactorRegisterHoldingTheSentinelIsAFault() throws IOException {
        server.set(new RegisterImage().uint32(10, 100).int16(12, 0x8000));
        try (ModbusMeterPoller poller = poller(map("addressBase: 0\npoints:\n  energyImport: {address: 10, type: uint32, scaleFactorRegister: 12, unit: Wh}\n"))) {
            assertThat(catchThrowableOfType(MeterFaultException.class, poller::poll).fault().reason())
                    .isEqualTo("energyImport scale factor at 12 holds the 'not implemented' value 0x8000");
        }
    }

    @Test
    void aMapPointingAtAMissingRegisterIsAModbusExceptionFault() throws IOException {
        server.set(10, 1);
        try (ModbusMeterPoller poller = poller(map("addressBase: 0\npoints:\n  energyImport: {address: 500, type: uint32, unit: Wh}\n"))) {
            assertThat(catchThrowableOfType(MeterFaultException.class, poller::poll).fault().reason())
                    .isEqualTo("Modbus exception 2 (illegal data address) reading holding registers 500..501");
        }
    }

    private RegisterMap map(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "map", ".yaml");
        Files.writeString(file, yaml);
        return RegisterMap.load(file);
    }

    private ModbusMeterPoller poller(RegisterMap map) {
        return new ModbusMeterPoller(settings(map), Clock.systemUTC());
    }

    private ModbusMeterSettings settings(RegisterMap map) {
        return new ModbusMeterSettings("mapped-1", new ModbusAddress("127.0.0.1", server.port(), 1, Duration.ofSeconds(1)), map, false, null);
    }
}
