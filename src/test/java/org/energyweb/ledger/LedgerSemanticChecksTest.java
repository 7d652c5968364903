package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeasurementJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Measurements that parse but make no sense in their meter's chain are refused with a reason, repeats are one reading. */
class LedgerSemanticChecksTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void aTimeFurtherAheadThanTheToleranceIsRefusedAndOneWithinItIsAccepted() {
        try (Ledger ledger = Ledger.open(data, new LedgerLimits(10, 0, Duration.ofMinutes(5)))) {
            Instant farAhead = Instant.now().plus(Duration.ofDays(1));
            assertThatThrownBy(() -> ledger.append(Measurement.of("m1", farAhead, 1, "api")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("time of meter m1 is in the future")
                    .hasMessageContaining("300 s ahead");
            assertThat(ledger.head("m1")).isEmpty();

            Instant slightlyAhead = Instant.now().plus(Duration.ofMinutes(1));
            assertThat(ledger.appendAndWait(Measurement.of("m1", slightlyAhead, 1, "api")).seq()).isZero();
        }
    }

    @Test
    void aTimeGoingBackwardsWithinAMeterIsRefusedAsOutOfOrderWhileOtherMetersGoOn() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.appendAndWait(Measurement.of("m1", T0.plusSeconds(60), 100, "api"));

            assertThatThrownBy(() -> ledger.append(Measurement.of("m1", T0, 100, "api")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("time of meter m1 went backwards")
                    .hasMessageContaining("out of order");
            assertThat(ledger.appendAndWait(Measurement.of("m2", T0, 5, "api")).seq()).isZero();
            assertThat(ledger.head("m1").orElseThrow().seq()).isZero();
        }
    }

    @Test
    void aGoodReadingAfterAFaultIsAcceptedWhenTheMeterClockRunsBehindTheGatewaysAlsoAfterARestart() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.appendAndWait(Measurement.of("m1", T0, 100, "meter"));
            // The fault's down reading is stamped by the gateway, whose clock is 60 s ahead of the meter's.
            ledger.appendAndWait(Measurement.down("m1", T0.plusSeconds(60), "gateway"));
            assertThat(ledger.appendAndWait(Measurement.of("m1", T0.plusSeconds(30), 110, "meter")).seq()).isEqualTo(2);

            ledger.appendAndWait(Measurement.down("m1", T0.plusSeconds(90), "gateway"));
        }
        try (Ledger reopened = Ledger.open(data)) {
            assertThatThrownBy(() -> reopened.append(Measurement.of("m1", T0.plusSeconds(30), 110, "meter")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not after its newest good reading's 2026-11-24T12:00:30.000Z (before it went down)");
            assertThatThrownBy(() -> reopened.append(Measurement.of("m1", T0.plusSeconds(45), 105, "meter")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("counter of meter m1 went backwards from 110 Wh");

            assertThat(reopened.appendAndWait(Measurement.of("m1", T0.plusSeconds(45), 120, "meter")).seq()).isEqualTo(4);
        }
    }

    @Test
    void aSecondDifferentValueForTheSameTimeIsRefused() {
        try (Ledger ledger = Ledger.open(data)) {
            ledger.appendAndWait(Measurement.of("m1", T0, 100, "api"));

            assertThatThrownBy(() -> ledger.append(Measurement.of("m1", T0, 101, "api")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not after its newest reading's");
        }
    }

    @Test
    void theSameMeasurementDeliveredThreeTimesIsOneReading() {
        try (Ledger ledger = Ledger.open(data)) {
            LedgerEntry first = ledger.appendAndWait(Measurement.of("m1", T0, 100, "api"));
            LedgerEntry second = ledger.appendAndWait(Measurement.of("m1", T0, 100, "api"));
            LedgerEntry third = ledger.appendAndWait(Measurement.of("m1", T0, 100, "api"));

            assertThat(second.position()).isEqualTo(first.position());
            assertThat(third.position()).isEqualTo(first.position());
            assertThat(ledger.size()).isEqualTo(1);
        }
        try (Ledger reopened = Ledger.open(data)) {
            assertThat(reopened.appendAndWait(Measurement.of("m1", T0, 100, "api")).position())
                    .as("a repeat after a restart is still the same reading").isEqualTo(1);
            assertThat(reopened.size()).isEqualTo(1);
        }
    }

    @Test
    void aDownFlagThatIsNotABooleanIsRefusedRatherThanReadAsUp() {
        byte[] json = "{\"meter\":\"m1\",\"time\":\"2026-11-24T12:00:00Z\",\"energyWh\":1,\"down\":\"yes\",\"source\":\"api\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MeasurementJson.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'down' must be true or false: \"yes\"");
    }
}
