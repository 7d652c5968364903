package org.energyweb.meter;

import org.energyweb.meter.dsmr.DsmrSampleReader;
import org.energyweb.meter.dsmr.DsmrTelegramParser;
import org.energyweb.meter.dsmr.Telegrams;
import org.energyweb.meter.mbus.MbusGateway;
import org.energyweb.meter.mbus.MbusRecords;
import org.energyweb.meter.mqtt.DeviceMessage;
import org.energyweb.meter.mqtt.TasmotaDecoder;
import org.energyweb.meter.sml.SmlFileReader;
import org.energyweb.meter.sml.SmlStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openmuc.jmbus.VariableDataStructure;
import org.openmuc.jsml.transport.Transport;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing throughput per protocol on recorded messages (telegrams, files, frames or messages per second, printed),
 * and the CPU cost of parsing (CRC check, OBIS values, exact Wh) for 100 DSMR meters at one telegram per second;
 * the ledger and the sockets are not in it. Run with {@code -Dgroups=bench -Dsurefire.excludedGroups=none}.
 */
@Tag("bench")
class MeterParsingBenchmarkTest {

    private static final int WARM_UP = 2_000;
    private static final int ROUNDS = 20_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @FunctionalInterface
    private interface Parse {
        void run() throws Exception;
    }

    /** CPU nanoseconds of this thread per parse. */
    private static double cpuNanosPerParse(String protocol, String unit, Parse parse) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            parse.run();
        }
        long cpu = CPU.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            parse.run();
        }
        double cpuPer = (CPU.getCurrentThreadCpuTime() - cpu) / (double) ROUNDS;
        double perSecond = ROUNDS / ((System.nanoTime() - wall) / 1e9);
        System.out.printf("%-5s %,12.0f %s/s  (%,.1f us CPU each)%n", protocol, perSecond, unit, cpuPer / 1000);
        return cpuPer;
    }

    @Test
    void parsingThroughputPerProtocolAndTheCpuCostOfOneHundredDsmrMeters() throws Exception {
        byte[] telegram = Telegrams.bytes(Telegrams.DSMR_5);
        double dsmr = cpuNanosPerParse("DSMR", "telegrams", () -> DsmrSampleReader.read(DsmrTelegramParser.parse(telegram)));

        byte[] smlFile = SmlStreams.files(SmlStreams.ISKRA_MT691).get(0);
        cpuNanosPerParse("SML", "files", () -> SmlFileReader.read(new Transport().getSMLFile(new DataInputStream(new ByteArrayInputStream(smlFile)))));

        byte[] frame = MbusGateway.frame("SBC_Saia-Burgess-ALE3.hex");
        // The variable data structure starts at the CI field (after 68 L L 68 C A) and ends before the checksum and 16.
        cpuNanosPerParse("M-Bus", "frames", () -> {
            VariableDataStructure data = new VariableDataStructure(frame, 6, (frame[1] & 0xFF) - 2, null, null);
            data.decode();
            MbusRecords.read(data, 0, 1);
        });

        TasmotaDecoder tasmota = new TasmotaDecoder(ZoneOffset.UTC);
        DeviceMessage message = new DeviceMessage("tele/meter/SENSOR",
                "{\"Time\":\"2024-05-01T12:00:00\",\"ENERGY\":{\"Total\":1234.567,\"Power\":230}}".getBytes(StandardCharsets.UTF_8), false, Instant.now());
        cpuNanosPerParse("MQTT", "messages", () -> tasmota.decode(message));

        // 100 meters, one telegram per second each: the share of one core their parsing takes.
        double share = dsmr * 100 / 1e9;
        System.out.printf("100 DSMR meters at 1 telegram/s: %.3f %% of one core%n", share * 100);
        assertThat(share).isLessThan(0.10);
    }
}
