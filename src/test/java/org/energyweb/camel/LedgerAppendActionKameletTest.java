package org.energyweb.camel;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.ledger.camel.LedgerConstants;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerAppendActionKameletTest extends KameletTestSupport {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    static Path data;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("kamelet:ledger-append-action?dataDir=" + data).to("mock:out");
            }
        };
    }

    private Ledger ledger() {
        return context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
    }

    @Test
    void aMeasurementBecomesACommittedReadingDocument() {
        Exchange out = template.send("direct:in", e -> e.getMessage().setBody(Measurement.of("k1", T0, 100, "test")));
        ReadingDocument document = ReadingDocument.parse(out.getMessage().getBody(byte[].class));
        assertThat(document.reading().energyWh()).isEqualTo(100);
        assertThat(out.getMessage().getHeader(LedgerConstants.SHA256)).isEqualTo(document.sha256Hex());
        assertThat(ledger().find("k1", document.reading().seq())).isPresent();
    }

    @Test
    void measurementJsonIsAcceptedToo() {
        Exchange out = template.send("direct:in", e -> e.getMessage().setBody(
                "{\"meter\":\"k2\",\"time\":\"2026-11-24T12:00:00+01:00\",\"energyWh\":7,\"source\":\"my-api\"}"));
        assertThat(ReadingDocument.parse(out.getMessage().getBody(byte[].class)).reading().time())
                .isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
    }

    @Test
    void brokenJsonBecomesADeadLetterAndNothingIsLedgered() {
        long before = ledger().size();
        Exchange out = template.send("direct:in", e -> e.getMessage().setBody("{\"meter\":"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(LedgerConstants.DEAD_LETTER_ID)).isNotNull();
        assertThat(ledger().size()).isEqualTo(before);
        assertThat(ledger().deadLetters().list(1)).singleElement().extracting(DeadLetter::reason).asString()
                .contains("not valid JSON");
        assertThat(getMockEndpoint("mock:out").getReceivedCounter()).isZero();
    }

    @Test
    void measurementJsonTheLedgerRefusesIsADeadLetterWithItsPayloadAsItCame() {
        template.sendBody("direct:in", Measurement.of("k5", T0, 5555, "test"));
        String backwards = "{\"meter\":\"k5\",\"time\":\"" + T0.plusSeconds(60) + "\",\"energyWh\":5000,\"source\":\"my-api\"}";
        template.sendBody("direct:in", backwards);
        assertThat(ledger().deadLetters().list(1)).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).contains("went backwards");
            assertThat(new String(letter.payload(), StandardCharsets.UTF_8)).isEqualTo(backwards);
        });
    }

    @Test
    void aFaultIsDeadLetteredAndTheMeterRecordedDownWithItsLastGoodValue() {
        template.sendBody("direct:in", Measurement.of("k3", T0, 5555, "test"));
        Exchange out = template.send("direct:in", e -> e.getMessage().setBody(
                new MeterFault("k3", T0.plusSeconds(60), "test", "counter went backwards", "raw".getBytes(StandardCharsets.UTF_8))));
        ReadingDocument down = ReadingDocument.parse(out.getMessage().getBody(byte[].class));
        assertThat(down.reading().down()).isTrue();
        assertThat(down.reading().energyWh()).isEqualTo(5555);
        assertThat(ledger().deadLetters().list(1)).singleElement().extracting(DeadLetter::meter).isEqualTo("k3");
    }

    @Test
    void aFaultWithoutATimeOfAMeterWhoseClockRunsAheadIsRecordedDownJustAfterItsNewestReading() {
        Instant meterAhead = Instant.now().plusSeconds(120);
        template.sendBody("direct:in", Measurement.of("k6", meterAhead, 6000, "test"));

        Exchange out = template.send("direct:in", e -> e.getMessage().setBody(new MeterFault("k6", null, "test", "connection refused", null)));

        ReadingDocument down = ReadingDocument.parse(out.getMessage().getBody(byte[].class));
        assertThat(down.reading().down()).isTrue();
        assertThat(down.reading().time()).isEqualTo(meterAhead.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1));
    }

    @Test
    void aFaultOfAMeterWithoutHistoryRecordsNoReadingAtAll() {
        long before = ledger().size();
        template.sendBody("direct:in", new MeterFault("k4", T0, "test", "connection refused", null));
        assertThat(ledger().size()).isEqualTo(before);
        assertThat(ledger().deadLetters().list(1)).singleElement().extracting(DeadLetter::reason).isEqualTo("connection refused");
    }
}
