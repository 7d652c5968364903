package org.energyweb.camel;

import org.apache.camel.builder.RouteBuilder;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.meter.link.PtyPair;
import org.energyweb.meter.mbus.MbusDevice;
import org.energyweb.meter.mbus.MbusGateway;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mbus-meter-source kamelet polling a real libmbus frame from a loopback M-Bus-to-TCP gateway, or from a meter on a
 * real serial line (socat's ptys), into the real ledger.
 */
class MbusMeterSourceKameletTest extends KameletTestSupport {

    @TempDir
    Path data;

    private Ledger ledger() {
        return context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
    }

    @Test
    void aMeterSelectedBySecondaryAddressIsLedgeredAndAMissingTariffIsADeadLetter() throws Exception {
        List<Reading> readings;
        try (MbusGateway gateway = new MbusGateway(0x28, MbusGateway.frame("SBC_Saia-Burgess-ALE3.hex"))) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:mbus-meter-source?meterId=ale3-t1&host=127.0.0.1&port=" + gateway.port()
                            + "&secondaryAddress=55000019434C1602&tariff=1&period=200")
                            .to("kamelet:ledger-append-action?dataDir=" + data);
                    from("kamelet:mbus-meter-source?meterId=ale3-total&host=127.0.0.1&port=" + gateway.port()
                            + "&primaryAddress=40&period=60000")
                            .to("kamelet:ledger-append-action?dataDir=" + data);
                }
            });
            await().atMost(1, TimeUnit.MINUTES).until(() -> LedgerContents.readings(ledger(), "ale3-t1").size() >= 2
                    && !LedgerContents.letters(ledger(), "ale3-total").isEmpty());
            readings = LedgerContents.readings(ledger(), "ale3-t1");
        }

        assertThat(readings).allSatisfy(reading -> {
            assertThat(reading.down()).isFalse();
            assertThat(reading.energyWh()).isEqualTo(2_930L);
        });
        assertThat(LedgerContents.letters(ledger(), "ale3-total")).first().satisfies(letter -> assertThat(letter.reason())
                .isEqualTo("the meter's answer has no energy record of storage number 0 and tariff 0"));
        assertThat(LedgerContents.readings(ledger(), "ale3-total")).noneMatch(reading -> !reading.down());
    }

    @Test
    void aMeterOnASerialLevelConverterIsLedgeredAndAFrameWithABadChecksumIsADeadLetter(@TempDir Path folder) throws Exception {
        byte[] frame = MbusGateway.frame("SBC_Saia-Burgess-ALE3.hex");
        byte[] corrupted = frame.clone();
        corrupted[22] = (byte) 0x94;
        List<Reading> readings;
        List<DeadLetter> letters;
        try (PtyPair good = new PtyPair(folder.resolve("good")); PtyPair bad = new PtyPair(folder.resolve("bad"))) {
            new MbusDevice(0x28, frame).answerOn(good);
            new MbusDevice(0x28, corrupted).answerOn(bad);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:mbus-meter-source?meterId=ale3-serial&serialPort=" + good.gatewayDevice() + "&primaryAddress=40&tariff=1&period=200")
                            .to("kamelet:ledger-append-action?dataDir=" + data);
                    from("kamelet:mbus-meter-source?meterId=ale3-noisy&serialPort=" + bad.gatewayDevice() + "&primaryAddress=40&tariff=1&period=60000")
                            .to("kamelet:ledger-append-action?dataDir=" + data);
                }
            });
            await().atMost(1, TimeUnit.MINUTES).until(() -> LedgerContents.readings(ledger(), "ale3-serial").size() >= 2
                    && !LedgerContents.letters(ledger(), "ale3-noisy").isEmpty());
            // Taken while the lines are up: closing them is an outage, recorded as the meters going down.
            readings = LedgerContents.readings(ledger(), "ale3-serial");
            letters = LedgerContents.letters(ledger(), "ale3-noisy");
        }

        assertThat(readings).allSatisfy(reading -> {
            assertThat(reading.down()).isFalse();
            assertThat(reading.energyWh()).isEqualTo(2_930L);
            assertThat(reading.source()).isEqualTo("mbus:serial:" + folder.resolve("good").resolve("gateway-tty") + "/40");
        });
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("checksum mismatch: frame says 0A, its bytes give 0B");
            assertThat(letter.payload()).isEqualTo(corrupted);
        });
        assertThat(LedgerContents.readings(ledger(), "ale3-noisy")).noneMatch(reading -> !reading.down());
    }
}
