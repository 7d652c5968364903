package org.energyweb.camel;

import org.apache.camel.builder.RouteBuilder;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.meter.TcpReplayServer;
import org.energyweb.meter.link.PtyPair;
import org.energyweb.meter.sml.SmlStreams;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sml-meter-source kamelet reading a real SML capture from a loopback TCP bridge, or from a real serial line (socat's
 * ptys), into the real ledger.
 */
class SmlMeterSourceKameletTest extends KameletTestSupport {

    @TempDir
    Path data;

    private Ledger ledger() {
        return context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
    }

    @Test
    void aFileWithAWrongCrcIsADeadLetterWithItsBytesAndTheGoodFileAReading() throws Exception {
        List<byte[]> files = SmlStreams.files(SmlStreams.ISKRA_MT691);
        byte[] corrupted = SmlStreams.corrupted(files.get(1), "65001e5a99", "65009e5a99");
        List<Reading> readings;
        List<DeadLetter> letters;
        try (TcpReplayServer bridge = new TcpReplayServer(List.of(files.get(0), corrupted))) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:sml-meter-source?meterId=ehz-1&host=127.0.0.1&port=" + bridge.port() + "&reconnectDelay=100")
                            .to("kamelet:ledger-append-action?dataDir=" + data);
                }
            });
            await().atMost(2, TimeUnit.MINUTES).until(() -> !LedgerContents.letters(ledger(), "ehz-1").isEmpty());
            // Taken while the bridge is up: closing it is an outage, recorded as the meter going down.
            readings = LedgerContents.readings(ledger(), "ehz-1");
            letters = LedgerContents.letters(ledger(), "ehz-1");
        }

        assertThat(readings).filteredOn(reading -> !reading.down()).singleElement().satisfies(reading -> {
            assertThat(reading.energyWh()).isEqualTo(198_927L);
            assertThat(reading.powerW()).isEqualTo(26L);
        });
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("SML file rejected: wrong crc");
            assertThat(letter.payload()).isEqualTo(corrupted);
        });
    }

    @Test
    void aReadingHeadOnASerialDeviceIsLedgeredAndAFileWithAWrongCrcIsADeadLetter(@TempDir Path folder) throws Exception {
        List<byte[]> files = SmlStreams.files(SmlStreams.ISKRA_MT691);
        byte[] corrupted = SmlStreams.corrupted(files.get(1), "65001e5a99", "65009e5a99");
        List<Reading> readings;
        try (PtyPair line = new PtyPair(folder); OutputStream head = line.meterOutput()) {
            head.write(files.get(0));
            head.write(corrupted);
            head.flush();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:sml-meter-source?meterId=ehz-serial&serialPort=" + line.gatewayDevice() + "&reconnectDelay=100")
                            .to("kamelet:ledger-append-action?dataDir=" + data);
                }
            });
            await().atMost(2, TimeUnit.MINUTES).until(() -> !LedgerContents.letters(ledger(), "ehz-serial").isEmpty());
            readings = LedgerContents.readings(ledger(), "ehz-serial");
        }

        assertThat(readings).filteredOn(reading -> !reading.down()).singleElement().satisfies(reading -> {
            assertThat(reading.energyWh()).isEqualTo(198_927L);
            assertThat(reading.source()).isEqualTo("sml:serial:" + folder.resolve("gateway-tty"));
        });
        assertThat(LedgerContents.letters(ledger(), "ehz-serial")).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("SML file rejected: wrong crc");
            assertThat(letter.payload()).isEqualTo(corrupted);
        });
    }
}
