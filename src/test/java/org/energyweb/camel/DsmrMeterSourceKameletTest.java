package org.energyweb.camel;

import org.apache.camel.builder.RouteBuilder;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.meter.dsmr.P1Bridge;
import org.energyweb.meter.dsmr.Telegrams;
import org.energyweb.meter.link.PtyPair;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The dsmr-meter-source kamelet reading a real TCP bridge, or a real serial line (socat's ptys), into the real ledger. */
class DsmrMeterSourceKameletTest extends KameletTestSupport {

    @TempDir
    Path data;

    private void route(String meter, int port, String options) throws Exception {
        route(meter, "&host=127.0.0.1&port=" + port + options);
    }

    private void route(String meter, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:dsmr-meter-source?meterId=" + meter + "&reconnectDelay=100" + options)
                        .to("kamelet:ledger-append-action?dataDir=" + data);
            }
        });
    }

    private static void write(OutputStream meter, String telegrams) throws Exception {
        meter.write(telegrams.getBytes(StandardCharsets.US_ASCII));
        meter.flush();
    }

    private Ledger ledger() {
        return context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
    }

    private List<Reading> readings(String meter) {
        return LedgerContents.readings(ledger(), meter);
    }

    @Test
    void aCorruptedTelegramIsADeadLetterWithItsReasonAndNeverAReading() throws Exception {
        // Recorded telegrams re-dated around now: the ledger takes a meter's readings only forward in time, and
        // the fault's down reading is recorded at the gateway's time, so the telegram after it is made and dated
        // (a second ahead, within the meter clock tolerance) once that down reading is in the ledger.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = Telegrams.dated(Telegrams.text(Telegrams.DSMR_5), now.minusSeconds(1));
        String corrupted = Telegrams.corrupted(first, "1-0:1.8.1(000004.426", "1-0:1.8.1(000094.426");
        Instant later;
        List<Reading> home;
        List<Reading> gas;
        List<DeadLetter> letters;
        try (P1Bridge bridge = new P1Bridge(List.of(first, corrupted))) {
            route("p1-home", bridge.port(), "&gasMeterId=p1-gas&gasWhPerM3=9769");
            await().atMost(2, TimeUnit.MINUTES).until(() -> readings("p1-home").size() == 2 && readings("p1-gas").size() == 1);
            later = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            bridge.send(Telegrams.dated(Telegrams.text(Telegrams.E_MUCS), later));

            await().atMost(2, TimeUnit.MINUTES).until(() -> readings("p1-home").size() == 3 && readings("p1-gas").size() == 2);
            // Taken while the bridge is up: closing it is an outage, recorded as the meter going down.
            home = readings("p1-home");
            gas = readings("p1-gas");
            letters = ledger().deadLetters().list(10);
        }

        assertThat(home).extracting(Reading::energyWh, Reading::down, Reading::time).containsExactly(
                tuple(6_825L, false, now.minusSeconds(1)),
                tuple(6_825L, true, home.get(1).time()),
                tuple(598_810L, false, later));
        assertThat(home).noneMatch(reading -> reading.energyWh() == 96_825L);
        assertThat(home.get(0).exportWh()).isEqualTo(2_444L);
        assertThat(home.get(0).powerW()).isEqualTo(244L);
        DeadLetter letter = letters.stream().filter(l -> l.meter().equals("p1-home")).reduce((a, b) -> {
            throw new AssertionError("more than one dead letter: " + a.reason() + " / " + b.reason());
        }).orElseThrow();
        assertThat(letter.reason()).isEqualTo("CRC mismatch: telegram says " + first.substring(first.indexOf('!') + 1, first.indexOf('!') + 5)
                + ", its bytes give " + Telegrams.independentCrc(corrupted));
        assertThat(new String(letter.payload(), StandardCharsets.US_ASCII)).isEqualTo(corrupted);
        // 0.107 m3 and 29.553 m3 at 9769 Wh/m3, rounded down, each at the gas meter's own time
        assertThat(gas).extracting(Reading::energyWh, Reading::time).containsExactly(
                tuple(1_045L, Instant.parse("2017-01-02T15:10:05Z")),
                tuple(288_703L, Instant.parse("2019-08-21T19:00:11Z")));
    }

    @Test
    void aBridgeThatRefusesTheConnectionIsADeadLetterAndNoReading() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        route("p1-away", closedPort, "");

        await().atMost(20, TimeUnit.SECONDS).until(() -> ledger().deadLetters().list(10).stream().anyMatch(l -> l.meter().equals("p1-away")));

        assertThat(ledger().deadLetters().list(10)).filteredOn(l -> l.meter().equals("p1-away")).first()
                .extracting(DeadLetter::reason).asString().startsWith("P1 bridge unreachable");
        assertThat(readings("p1-away")).isEmpty();
    }

    @Test
    void aP1PortOnASerialDeviceIsLedgeredAndACorruptedTelegramIsADeadLetter(@TempDir Path folder) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = Telegrams.dated(Telegrams.text(Telegrams.DSMR_5), now.minusSeconds(1));
        String corrupted = Telegrams.corrupted(first, "1-0:1.8.1(000004.426", "1-0:1.8.1(000094.426");
        Instant later;
        List<Reading> home;
        List<DeadLetter> letters;
        try (PtyPair line = new PtyPair(folder); OutputStream meter = line.meterOutput()) {
            write(meter, first + corrupted);
            route("p1-serial", "&serialPort=" + line.gatewayDevice());
            // The good telegram, then the fault's down reading.
            await().atMost(2, TimeUnit.MINUTES).until(() -> readings("p1-serial").size() == 2);
            later = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            write(meter, Telegrams.dated(Telegrams.text(Telegrams.E_MUCS), later));

            await().atMost(2, TimeUnit.MINUTES).until(() -> readings("p1-serial").size() == 3);
            // Taken while the line is up: closing it is an outage, recorded as the meter going down.
            home = readings("p1-serial");
            letters = LedgerContents.letters(ledger(), "p1-serial");
        }

        assertThat(home).extracting(Reading::energyWh, Reading::down, Reading::time).containsExactly(
                tuple(6_825L, false, now.minusSeconds(1)),
                tuple(6_825L, true, home.get(1).time()),
                tuple(598_810L, false, later));
        assertThat(home.get(0).source()).isEqualTo("dsmr:serial:" + folder.resolve("gateway-tty"));
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).startsWith("CRC mismatch: ");
            assertThat(new String(letter.payload(), StandardCharsets.US_ASCII)).isEqualTo(corrupted);
        });
    }

    @Test
    void aSerialDeviceThatCannotBeOpenedIsADeadLetterUntilItsCircuitOpens(@TempDir Path folder) throws Exception {
        String device = folder.resolve("ttyUSB9").toString();
        route("p1-unplugged", "&serialPort=" + device + "&breakerFailureThreshold=2&breakerOpenDuration=600000");

        await().atMost(20, TimeUnit.SECONDS).until(() -> LedgerContents.letters(ledger(), "p1-unplugged").stream()
                .anyMatch(letter -> letter.reason().endsWith("; circuit open, next try in 600s")));

        // The circuit is open for ten minutes: the device is left alone, so no letter follows the one that opened it.
        assertThat(LedgerContents.letters(ledger(), "p1-unplugged")).hasSize(2).allSatisfy(letter ->
                assertThat(letter.reason()).startsWith("P1 port unreachable: no serial device " + device));
        assertThat(readings("p1-unplugged")).isEmpty();
    }
}
