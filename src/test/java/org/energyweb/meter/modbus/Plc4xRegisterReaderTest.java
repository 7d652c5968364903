package org.energyweb.meter.modbus;

import org.energyweb.peers.PeerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Plc4xRegisterReaderTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private final ModbusTestServer server = ModbusTestServer.start(1);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void readsRegistersAtTheirZeroBasedAddress() throws Exception {
        server.set(40116, 0x0001, 0x86A0, 0x1234);
        try (Plc4xRegisterReader reader = readerOf(server.port())) {
            assertThat(reader.read(RegisterTable.HOLDING, 40116, 3)).containsExactly(0x0001, 0x86A0, 0x1234);
        }
    }

    @Test
    void readsMoreThanOneRequestCanHoldInChunks() throws Exception {
        int[] words = new int[300];
        for (int i = 0; i < words.length; i++) {
            words[i] = i * 7;
        }
        server.set(1000, words);
        try (Plc4xRegisterReader reader = readerOf(server.port())) {
            assertThat(reader.read(RegisterTable.HOLDING, 1000, 300)).containsExactly(words);
        }
    }

    @Test
    void anAddressWithoutRegistersIsAnIllegalAddress() {
        try (Plc4xRegisterReader reader = readerOf(server.port())) {
            ModbusReadException fault = catchThrowableOfType(ModbusReadException.class, () -> reader.read(RegisterTable.HOLDING, 50000, 2));
            assertThat(fault.illegalAddress()).isTrue();
            assertThat(fault).hasMessageContaining("illegal data address").hasMessageContaining("50000");
        }
    }

    @Test
    void aRefusedConnectionIsReportedWithTheAddress() {
        int closedPort = PeerProcess.freeLoopbackPort();
        try (Plc4xRegisterReader reader = readerOf(closedPort)) {
            ModbusReadException fault = catchThrowableOfType(ModbusReadException.class, () -> reader.read(RegisterTable.HOLDING, 0, 1));
            assertThat(fault.illegalAddress()).isFalse();
            assertThat(fault).hasMessageContaining("cannot connect to 127.0.0.1:" + closedPort);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (SilentTcpServer silent = new SilentTcpServer(); Plc4xRegisterReader reader = readerOf(silent.port())) {
            ModbusReadException fault = catchThrowableOfType(ModbusReadException.class, () -> reader.read(RegisterTable.HOLDING, 0, 1));
            assertThat(fault).hasMessageContaining("no answer").hasMessageContaining("500 ms");
        }
    }

    @Test
    void readsAgainAfterTheServerRestarted() throws Exception {
        server.set(10, 42);
        try (Plc4xRegisterReader reader = readerOf(server.port())) {
            assertThat(reader.read(RegisterTable.HOLDING, 10, 1)).containsExactly(42);
            server.stop();
            catchThrowableOfType(ModbusReadException.class, () -> reader.read(RegisterTable.HOLDING, 10, 1));
            server.restart();
            assertThat(reader.read(RegisterTable.HOLDING, 10, 1)).containsExactly(42);
        }
    }

    private static Plc4xRegisterReader readerOf(int port) {
        return new Plc4xRegisterReader(new ModbusAddress("127.0.0.1", port, 1, TIMEOUT));
    }
}
