package org.energyweb.meter.modbus;

import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** SunSpec meters served by a real Modbus TCP server, read through PLC4X. */
class SunSpecMeterTest {

    private final ModbusTestServer server = ModbusTestServer.start(1);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void discoversTheCommonModelAndTheMeterModel() throws Exception {
        server.set(SunSpecImages.model203(1, 1, 0, 0, 0));
        try (ModbusMeter meter = new ModbusMeter(settings(false))) {
            DeviceDescription device = meter.layout().description();
            assertThat(device.manufacturer()).isEqualTo("Energyweb Test Meters");
            assertThat(device.model()).isEqualTo("EW-203");
            assertThat(device.serial()).isEqualTo("SN-0042-203");
            assertThat(device.sunSpecModels()).containsExactly(1, 203);
        }
    }

    @Test
    void model203ScalesEnergyAndPowerByTheirScaleFactors() {
        server.set(SunSpecImages.model203(123_456, 7_890, 2, 12_345, -1));
        try (ModbusMeterPoller poller = poller(false)) {
            Measurement reading = poller.poll();
            assertThat(reading.energyWh()).isEqualTo(12_345_600L);
            assertThat(reading.exportWh()).isEqualTo(789_000L);
            assertThat(reading.powerW()).isEqualTo(1_234L);
            assertThat(reading.down()).isFalse();
            assertThat(reading.source()).isEqualTo("modbus:127.0.0.1:" + server.port() + "/1");
        }
    }

    @Test
    void anAcc32CounterThatWrapsKeepsCountingUpwards() {
        server.set(SunSpecImages.model203(0xFFFF_FF00L, 5, 1, 0, 0));
        try (ModbusMeterPoller poller = poller(false)) {
            assertThat(poller.poll().energyWh()).isEqualTo(0xFFFF_FF00L * 10);
            server.set(SunSpecImages.METER + 46, 0x0000, 0x0100);
            assertThat(poller.poll().energyWh()).isEqualTo(((1L << 32) + 0x100) * 10);
            server.set(SunSpecImages.METER + 46, 0x0000, 0x0200);
            assertThat(poller.poll().energyWh()).isEqualTo(((1L << 32) + 0x200) * 10);
        }
    }

    @Test
    void invertSwapsImportAndExportAndNegatesPower() {
        server.set(SunSpecImages.model203(1_000, 2_000, 0, 300, 0));
        try (ModbusMeterPoller poller = poller(true)) {
            Measurement reading = poller.poll();
            assertThat(reading.energyWh()).isEqualTo(2_000L);
            assertThat(reading.exportWh()).isEqualTo(1_000L);
            assertThat(reading.powerW()).isEqualTo(-300L);
        }
    }

    @Test
    void anExportRegisterThatIsNotImplementedLeavesExportOut() {
        server.set(SunSpecImages.model203(1_000, 0, 0, 300, 0));
        try (ModbusMeterPoller poller = poller(false)) {
            Measurement reading = poller.poll();
            assertThat(reading.energyWh()).isEqualTo(1_000L);
            assertThat(reading.exportWh()).isNull();
        }
    }

    @Test
    void aPowerRegisterThatIsNotImplementedLeavesPowerOut() {
        server.set(SunSpecImages.model203(1_000, 5, 0, 0x8000, 0));
        try (ModbusMeterPoller poller = poller(false)) {
            assertThat(poller.poll().powerW()).isNull();
        }
    }

    @Test
    void model213ReadsFloatEnergyInWattHours() throws Exception {
        server.set(SunSpecImages.model213(98_765.5f, 1_234.25f, -1_500.4f));
        try (ModbusMeterPoller poller = poller(false)) {
            Measurement reading = poller.poll();
            assertThat(reading.energyWh()).isEqualTo(98_766L);
            assertThat(reading.exportWh()).isEqualTo(1_234L);
            assertThat(reading.powerW()).isEqualTo(-1_500L);
        }
        try (ModbusMeter meter = new ModbusMeter(settings(false))) {
            assertThat(meter.layout().description().sunSpecModels()).containsExactly(1, 213);
        }
    }

    @Test
    void findsTheMarkerAtRegisterZero() throws Exception {
        server.set(SunSpecImages.device(0, 201, 105).uint32(70 + 46, 4_242).int16(70 + 54, 0));
        try (ModbusMeterPoller poller = poller(false)) {
            assertThat(poller.poll().energyWh()).isEqualTo(4_242L);
        }
    }

    @Test
    void findsTheMarkerAtRegister50000() {
        server.set(SunSpecImages.device(50_000, 211, 124).float32(50_070 + 68, 77f));
        try (ModbusMeterPoller poller = poller(false)) {
            assertThat(poller.poll().energyWh()).isEqualTo(77L);
        }
    }

    @Test
    void walksPastModelsThatAreNotMeters() throws Exception {
        int inverter = SunSpecImages.COMMON + 2 + 66;
        int meter = inverter + 2 + 50;
        server.set(new RegisterImage()
                .string(40_000, "SunS", 2)
                .word(SunSpecImages.COMMON, 1).word(SunSpecImages.COMMON + 1, 66).zeros(SunSpecImages.COMMON + 2, 66)
                .word(inverter, 103).word(inverter + 1, 50).zeros(inverter + 2, 50)
                .word(meter, 204).word(meter + 1, 105).zeros(meter + 2, 105)
                .uint32(meter + 46, 9_000)
                .word(meter + 107, 0xFFFF).word(meter + 108, 0));
        try (ModbusMeter meter204 = new ModbusMeter(settings(false)); ModbusMeterPoller poller = poller(false)) {
            assertThat(meter204.layout().description().sunSpecModels()).containsExactly(1, 103, 204);
            assertThat(poller.poll().energyWh()).isEqualTo(9_000L);
        }
    }

    private ModbusMeterPoller poller(boolean invert) {
        return new ModbusMeterPoller(settings(invert), Clock.systemUTC());
    }

    private ModbusMeterSettings settings(boolean invert) {
        return new ModbusMeterSettings("meter-1", new ModbusAddress("127.0.0.1", server.port(), 1, Duration.ofSeconds(1)), null, invert, null);
    }
}
