package org.energyweb.meter.dsmr;

import org.energyweb.meter.link.TcpLink;
import org.energyweb.meter.MeterReadings;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** DsmrSource reading a real loopback TCP bridge. */
class DsmrSourceTest {

    @Test
    void aGasFaultLeavesTheElectricityReadingOfTheSameTelegram() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = Telegrams.dated(Telegrams.text(Telegrams.DSMR_5), now.minusSeconds(2));
        // The gas register goes back from 0.107 m3 to 0.100 m3 at a later gas time: the gas meter's fault only.
        String second = Telegrams.dated(Telegrams.text(Telegrams.DSMR_5)
                .replace("0-1:24.2.1(170102161005W)(00000.107*m3)", "0-1:24.2.1(170102162005W)(00000.100*m3)"), now.minusSeconds(1));
        try (P1Bridge bridge = new P1Bridge(List.of(first, second));
             DsmrSource source = new DsmrSource(new DsmrSettings("p1-home", new TcpLink("127.0.0.1", bridge.port()), "p1-gas", 9769,
                     Duration.ofSeconds(30)), Clock.systemUTC())) {
            MeterReadings before = source.next();
            MeterReadings after = source.next();

            assertThat(before.faults()).isEmpty();
            assertThat(after.readings()).extracting(Measurement::meter, Measurement::energyWh, Measurement::time)
                    .containsExactly(tuple("p1-home", 6_825L, now.minusSeconds(1)));
            assertThat(after.faults()).singleElement().satisfies(fault -> {
                assertThat(fault.fault().meter()).isEqualTo("p1-gas");
                assertThat(fault.fault().reason()).isEqualTo("counter went backwards from 1045 Wh to 976 Wh");
                assertThat(new String(fault.fault().payload(), StandardCharsets.US_ASCII)).isEqualTo(second);
                assertThat(fault.unreachable()).isFalse();
            });
        }
    }
}
