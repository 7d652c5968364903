package org.energyweb.camel;

import org.apache.camel.builder.RouteBuilder;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.meter.mqtt.MosquittoBroker;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The mqtt-meter-source kamelet on a real Mosquitto broker, into the real ledger. */
class MqttMeterSourceKameletTest extends KameletTestSupport {

    @TempDir
    Path dir;

    private void route(String meter, MosquittoBroker broker, String topic, String format) throws Exception {
        Path data = dir.resolve("data");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:mqtt-meter-source?meterId=" + meter + "&brokerUrl=" + broker.url() + "&topic=" + topic
                        + "&format=" + format + "&clientId=gw-" + meter + "&maxAge=60000")
                        .to("kamelet:ledger-append-action?dataDir=" + data);
            }
        });
    }

    private Ledger ledger() {
        return context.getComponent("ledger", LedgerComponent.class).ledger(dir.resolve("data").toString());
    }

    private List<Reading> readings(String meter) {
        return LedgerContents.readings(ledger(), meter);
    }

    private List<DeadLetter> letters(String meter) {
        return LedgerContents.letters(ledger(), meter);
    }

    private static String tasmota(LocalDateTime time, String total) {
        return "{\"Time\":\"" + time.truncatedTo(ChronoUnit.SECONDS) + "\",\"ENERGY\":{\"TotalStartTime\":\"2024-01-01T00:00:00\","
                + "\"Total\":" + total + ",\"Yesterday\":1.2,\"Today\":0.3,\"Power\":230,\"Voltage\":231,\"Current\":1.0}}";
    }

    @Test
    void tasmotaSensorMessagesBecomeReadingsAndStaleOrMalformedOnesDeadLetters() throws Exception {
        String stale = tasmota(LocalDateTime.now(ZoneOffset.UTC).minusHours(1), "12.400");
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            route("tas-1", broker, "tele/tas-1/+", "tasmota");
            // The subscription is in place once a first message of the device comes through.
            await().atMost(20, TimeUnit.SECONDS).until(() -> {
                broker.publish("tele/tas-1/SENSOR", tasmota(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(10), "12.3456"), false);
                return !readings("tas-1").isEmpty();
            });
            broker.publish("tele/tas-1/STATE", "{\"Time\":\"2024-01-01T00:00:00\",\"POWER\":\"ON\"}", false);
            broker.publish("tele/tas-1/SENSOR", stale, false);
            broker.publish("tele/tas-1/SENSOR", "{\"Time\":\"2024-01-01T00:00:00\",\"ENERGY\":{\"Total\":", false);

            await().atMost(20, TimeUnit.SECONDS).until(() -> letters("tas-1").size() == 2);
        }

        assertThat(readings("tas-1")).filteredOn(reading -> !reading.down()).allSatisfy(reading -> {
            assertThat(reading.energyWh()).isEqualTo(12_345L);
            assertThat(reading.powerW()).isEqualTo(230L);
        });
        assertThat(readings("tas-1")).noneMatch(reading -> reading.energyWh() == 12_400L);
        assertThat(letters("tas-1")).extracting(DeadLetter::reason).anySatisfy(reason -> assertThat(reason).startsWith("stale value: measured at"))
                .anySatisfy(reason -> assertThat(reason).startsWith("malformed JSON"));
        assertThat(letters("tas-1")).anySatisfy(letter -> assertThat(new String(letter.payload(), StandardCharsets.UTF_8)).isEqualTo(stale));
    }

    @Test
    void aShellyTotalIsReadInWattHoursButARetainedOneCannotBeDatedAndIsADeadLetter() throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.publish("shellies/em-1/emeter/0/total", "1000.0", true);
            route("shelly-1", broker, "shellies/em-1/emeter/0/+", "shelly");
            await().atMost(20, TimeUnit.SECONDS).until(() -> letters("shelly-1").size() == 1);

            broker.publish("shellies/em-1/emeter/0/power", "230.5", false);
            broker.publish("shellies/em-1/emeter/0/total", "2000.7", false);
            broker.publish("shellies/em-1/emeter/0/total", "not a number", false);
            await().atMost(20, TimeUnit.SECONDS).until(() -> letters("shelly-1").size() == 2);
        }

        assertThat(readings("shelly-1")).filteredOn(reading -> !reading.down()).extracting(Reading::energyWh).containsExactly(2_000L);
        assertThat(readings("shelly-1")).noneMatch(reading -> reading.energyWh() == 1_000L);
        assertThat(letters("shelly-1")).extracting(DeadLetter::reason).containsExactlyInAnyOrder(
                "retained Shelly total: the message has no time of its own, so how old it is cannot be told",
                "Shelly total 'not a number' is not a non-negative number of Wh");
    }
}
