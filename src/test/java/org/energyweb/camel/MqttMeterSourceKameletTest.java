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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The mqtt-meter-source kamelet on a real Mosquitto broker, into the real ledger. */
class MqttMeterSourceKameletTest extends KameletTestSupport {

    @TempDir
    Path dir;

    private void route(String meter, MosquittoBroker broker, String topic, String format) throws Exception {
        route(meter, broker, topic, format, "");
    }

    private void route(String meter, MosquittoBroker broker, String topic, String format, String options) throws Exception {
        Path data = dir.resolve("data");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:mqtt-meter-source?meterId=" + meter + "&brokerUrl=" + broker.url() + "&topic=" + topic
                        + "&format=" + format + "&clientId=gw-" + meter + "&maxAge=60000" + options)
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
    void anUnencryptedLinkToABrokerOnAnotherMachineStopsTheRouteAtStartBeforeConnecting() {
        // broker.example is never resolved nor connected to: the check refuses before paho starts
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:mqtt-meter-source?meterId=remote-1&brokerUrl=tcp://broker.example:1883&topic=tele/remote-1/SENSOR")
                        .to("kamelet:ledger-append-action?dataDir=" + dir.resolve("data"));
            }
        })).rootCause().hasMessageContaining("refusing unencrypted MQTT (tcp://) to broker.example")
                .hasMessageContaining("allowInsecure");
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

    /** The status notification of a Shelly Pro 3EM's EMData component (Shelly Gen2 API, EMData status), totals in Wh. */
    private static String emdata(String totalAct, String totalActRet) {
        return "{\"id\":0,\"a_total_act_energy\":1000.10,\"a_total_act_ret_energy\":0.00,\"b_total_act_energy\":500.05,"
                + "\"b_total_act_ret_energy\":0.00,\"c_total_act_energy\":0.00,\"c_total_act_ret_energy\":12.50,"
                + "\"total_act\":" + totalAct + ",\"total_act_ret\":" + totalActRet + "}";
    }

    @Test
    void shellyGen2EmdataTotalsBecomeReadingsWithThePowerOfTheLastEmStatus() throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            broker.publish("pro3em-1/status/emdata:0", emdata("1200.00", "0.00"), true);
            route("shelly-2", broker, "pro3em-1/status/+", "shelly");
            await().atMost(20, TimeUnit.SECONDS).until(() -> letters("shelly-2").size() == 1);

            broker.publish("pro3em-1/status/em:0", "{\"id\":0,\"a_act_power\":310.4,\"b_act_power\":120.2,\"c_act_power\":-20.1,"
                    + "\"total_act_power\":410.5,\"total_aprt_power\":455.1}", false);
            broker.publish("pro3em-1/status/emdata:0", emdata("1500.15", "12.50"), false);
            broker.publish("pro3em-1/status/emdata:0", "{\"id\":0,\"total_act_ret\":12.50}", false);
            await().atMost(20, TimeUnit.SECONDS).until(() -> letters("shelly-2").size() == 2);
        }

        assertThat(readings("shelly-2")).filteredOn(reading -> !reading.down())
                .extracting(Reading::energyWh, Reading::exportWh, Reading::powerW).containsExactly(tuple(1_500L, 12L, 410L));
        assertThat(letters("shelly-2")).extracting(DeadLetter::reason).containsExactlyInAnyOrder(
                "retained Shelly total: the message has no time of its own, so how old it is cannot be told",
                "message has no number total_act");
    }

    @Test
    void theJsonMappingReadsEnergyExportPowerAndTimeByJsonPathAndAStaleOrMissingValueIsADeadLetter() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String stale = "{\"ts\":" + (now - 3600) + ",\"meter\":{\"import\":{\"kwh\":7.5},\"export\":{\"kwh\":0.2},\"w\":100}}";
        try (MosquittoBroker broker = new MosquittoBroker(dir)) {
            route("json-1", broker, "home/meter", "json", "&energyPath=$.meter.import.kwh&energyUnit=kWh&exportPath=$.meter.export.kwh"
                    + "&powerPath=$.meter.w&timePath=$.ts");
            await().atMost(20, TimeUnit.SECONDS).until(() -> {
                long ts = System.currentTimeMillis() / 1000 - 5;
                broker.publish("home/meter", "{\"ts\":" + ts + ",\"meter\":{\"import\":{\"kwh\":8.1234},\"export\":{\"kwh\":0.25},\"w\":1234.6}}", false);
                return !readings("json-1").isEmpty();
            });
            broker.publish("home/meter", stale, false);
            broker.publish("home/meter", "{\"ts\":" + now + ",\"meter\":{\"w\":100}}", false);
            await().atMost(20, TimeUnit.SECONDS).until(() -> letters("json-1").size() == 2);
        }

        assertThat(readings("json-1")).filteredOn(reading -> !reading.down()).allSatisfy(reading -> {
            assertThat(reading.energyWh()).isEqualTo(8_123L);
            assertThat(reading.exportWh()).isEqualTo(250L);
            assertThat(reading.powerW()).isEqualTo(1_235L);
        });
        assertThat(letters("json-1")).extracting(DeadLetter::reason)
                .anySatisfy(reason -> assertThat(reason).startsWith("stale value: measured at"))
                .anySatisfy(reason -> assertThat(reason).isEqualTo("message has nothing at $['meter']['import']['kwh']"));
    }
}
