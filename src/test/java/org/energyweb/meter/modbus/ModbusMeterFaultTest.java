package org.energyweb.meter.modbus;

import org.energyweb.peers.PeerProcess;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way a Modbus meter can fail ends in a fault with a reason, never in a reading. */
class ModbusMeterFaultTest {

    /** A meter that answers: long, so a loaded machine's slow answer is never taken for silence. */
    private static final Duration ANSWERING_TIMEOUT = Duration.ofSeconds(10);
    /** A meter that never answers, with the short timeout its reason names. */
    private static final Duration SILENT_TIMEOUT = Duration.ofMillis(400);
    private final ModbusTestServer server = ModbusTestServer.start(1);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void anImportCounterHoldingTheAcc32SentinelIsAFault() {
        server.set(SunSpecImages.model203(0, 500, 0, 100, 0));
        MeterFault fault = faultOf(pollerOf(server.port(), null));
        assertThat(fault.reason()).isEqualTo("TotWhImp at 40116 holds the 'not implemented' value 0 (acc32)");
    }

    @Test
    void anEnergyScaleFactorHoldingTheSentinelIsAFault() {
        server.set(SunSpecImages.model203(1_000, 500, 0x8000, 100, 0));
        MeterFault fault = faultOf(pollerOf(server.port(), null));
        assertThat(fault.reason()).startsWith("TotWh_SF at 40124 holds the 'not implemented' value 0x8000");
        assertThat(fault.payload()).hasSize(55 * 2);
    }

    @Test
    void aScaleFactorOutsideTheSunSpecRangeIsAFault() {
        server.set(SunSpecImages.model203(1_000, 500, 77, 100, 0));
        assertThat(faultOf(pollerOf(server.port(), null)).reason()).isEqualTo("TotWh_SF at 40124: scale factor 77 is outside -10..10");
    }

    @Test
    void aNaNImportCounterIsAFault() {
        server.set(SunSpecImages.model213(Float.NaN, 10f, 5f));
        assertThat(faultOf(pollerOf(server.port(), null)).reason()).isEqualTo("TotWhImp at 40138 is NaN ('not implemented')");
    }

    @Test
    void aCounterGoingBackwardsIsAFault() {
        server.set(SunSpecImages.model203(5_000, 0, 0, 0, 0));
        try (ModbusMeterPoller poller = pollerOf(server.port(), null)) {
            poller.poll();
            server.set(SunSpecImages.METER + 46, 0, 4_000);
            assertThat(faultOf(poller).reason()).isEqualTo("counter went backwards from 5000 Wh to 4000 Wh");
        }
    }

    @Test
    void aRejectedValueDoesNotBecomeTheBaseOfTheNextCheck() {
        server.set(SunSpecImages.model203(5_000, 0, 0, 0, 0));
        try (ModbusMeterPoller poller = pollerOf(server.port(), null)) {
            poller.poll();
            server.set(SunSpecImages.METER + 46, 0, 4_000);
            faultOf(poller);
            server.set(SunSpecImages.METER + 46, 0, 4_500);
            assertThat(faultOf(poller).reason()).isEqualTo("counter went backwards from 5000 Wh to 4500 Wh");
            server.set(SunSpecImages.METER + 46, 0, 5_100);
            assertThat(poller.poll().energyWh()).isEqualTo(5_100L);
        }
    }

    @Test
    void aJumpBeyondTheRatedPowerIsAFault() {
        server.set(SunSpecImages.model203(1_000, 0, 0, 0, 0));
        try (ModbusMeterPoller poller = pollerOf(server.port(), 10_000L)) {
            poller.poll();
            server.set(SunSpecImages.METER + 46, 0x0001, 0x0000);
            assertThat(faultOf(poller).reason()).startsWith("jump of 64536 Wh in ").contains("rated 10000 W meter");
        }
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        try (SilentTcpServer silent = new SilentTcpServer()) {
            MeterFault fault = faultOf(pollerOf(silent.port(), null, SILENT_TIMEOUT));
            assertThat(fault.reason()).isEqualTo("no answer to reading holding registers 40000..40001 within 400 ms");
        }
    }

    @Test
    void aRefusedConnectionIsAFault() {
        int closed = PeerProcess.freeLoopbackPort();
        assertThat(faultOf(pollerOf(closed, null)).reason()).startsWith("cannot connect to 127.0.0.1:" + closed);
    }

    @Test
    void aModbusExceptionCodeIsAFault() {
        RegisterImage truncated = SunSpecImages.model203(1_000, 0, 0, 0, 0);
        truncated.words().keySet().removeIf(address -> address >= SunSpecImages.METER + 30 && address < SunSpecImages.METER + 107);
        server.set(truncated);
        assertThat(faultOf(pollerOf(server.port(), null)).reason())
                .isEqualTo("Modbus exception 2 (illegal data address) reading holding registers 40070..40124");
    }

    @Test
    void aDeviceWithoutTheSunSpecMarkerIsAFault() {
        server.set(0, 1, 2, 3);
        assertThat(faultOf(pollerOf(server.port(), null)).reason()).startsWith("no SunSpec marker 'SunS' at register 40000, 0 or 50000");
    }

    @Test
    void aLostConnectionIsAFaultAndTheMeterIsReadAgainOnceItIsBack() {
        server.set(SunSpecImages.model203(1_000, 0, 0, 0, 0));
        try (ModbusMeterPoller poller = pollerOf(server.port(), null)) {
            assertThat(poller.poll().energyWh()).isEqualTo(1_000L);
            server.stop();
            // Whether PLC4X notices the closed channel before or during the read is a race; both say so.
            assertThat(faultOf(poller).reason()).containsAnyOf(
                    "connection to 127.0.0.1:" + server.port() + " lost while reading",
                    "cannot connect to 127.0.0.1:" + server.port() + " (connection lost)");
            server.restart();
            server.set(SunSpecImages.METER + 46, 0, 1_200);
            assertThat(poller.poll().energyWh()).isEqualTo(1_200L);
        }
    }

    @Test
    void aFaultNamesTheMeterItsSourceAndTheTime() {
        Instant before = Instant.now();
        server.set(SunSpecImages.model203(0, 0, 0, 0, 0));
        MeterFault fault = faultOf(pollerOf(server.port(), null));
        assertThat(fault.meter()).isEqualTo("meter-1");
        assertThat(fault.source()).isEqualTo("modbus:127.0.0.1:" + server.port() + "/1");
        assertThat(fault.time()).isBetween(before, Instant.now());
    }

    private static MeterFault faultOf(ModbusMeterPoller poller) {
        return catchThrowableOfType(MeterFaultException.class, poller::poll).fault();
    }

    private static ModbusMeterPoller pollerOf(int port, Long ratedPowerW) {
        return pollerOf(port, ratedPowerW, ANSWERING_TIMEOUT);
    }

    private static ModbusMeterPoller pollerOf(int port, Long ratedPowerW, Duration timeout) {
        return new ModbusMeterPoller(new ModbusMeterSettings("meter-1", new ModbusAddress("127.0.0.1", port, 1, timeout), null, false, ratedPowerW),
                Clock.systemUTC());
    }
}
