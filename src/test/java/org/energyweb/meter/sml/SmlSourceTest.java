package org.energyweb.meter.sml;

import org.energyweb.meter.link.TcpLink;
import org.energyweb.meter.MeterReadings;
import org.energyweb.meter.TcpReplayServer;
import org.energyweb.reading.MeterFaultException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SmlSource reading real SML captures replayed by a loopback TCP server. */
class SmlSourceTest {

    private static SmlSource source(TcpReplayServer server) {
        return new SmlSource(new SmlSettings("ehz-1", new TcpLink("127.0.0.1", server.port()), Duration.ofSeconds(20)), Clock.systemUTC());
    }

    @Test
    void anIskraFileGivesImportAndPowerWithScalersAndUnitsApplied() throws Exception {
        List<byte[]> files = SmlStreams.files(SmlStreams.ISKRA_MT691);
        try (TcpReplayServer server = new TcpReplayServer(files); SmlSource source = source(server)) {
            MeterReadings first = source.next();
            MeterReadings second = source.next();

            assertThat(files).hasSize(2);
            // 0x001E5A99 = 1989273 at scaler -1 in Wh (unit 30), rounded down; 0x1A = 26 W (unit 27, scaler 0)
            assertThat(first.readings()).singleElement().satisfies(reading -> {
                assertThat(reading.energyWh()).isEqualTo(198_927L);
                assertThat(reading.powerW()).isEqualTo(26L);
                assertThat(reading.exportWh()).isNull();
                assertThat(reading.source()).isEqualTo("sml:127.0.0.1:" + server.port());
            });
            assertThat(second.readings()).singleElement().extracting(r -> r.energyWh()).isEqualTo(198_927L);
        }
    }

    @Test
    void aFileWithAWrongCrcIsAFaultCarryingItsBytesAndNeverAReading() throws Exception {
        List<byte[]> files = SmlStreams.files(SmlStreams.ISKRA_MT691);
        byte[] corrupted = SmlStreams.corrupted(files.get(0), "65001e5a99", "65002e5a99");
        try (TcpReplayServer server = new TcpReplayServer(List.of(corrupted, files.get(1))); SmlSource source = source(server)) {
            assertThatThrownBy(source::next).isInstanceOfSatisfying(MeterFaultException.class, fault -> {
                assertThat(fault.unreachable()).isFalse();
                assertThat(fault.fault().reason()).isEqualTo("SML file rejected: wrong crc");
                assertThat(fault.fault().payload()).isEqualTo(corrupted);
            });
            // The stream goes on with the next file, which holds.
            assertThat(source.next().readings()).singleElement().extracting(r -> r.energyWh()).isEqualTo(198_927L);
        }
    }
}
