package org.energyweb.camel;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.component.mock.MockEndpoint;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.meter.http.LoopbackHttpServer;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EnergyApiSourceKameletTest extends HttpSourceKameletTestSupport {

    @RegisterExtension
    static WireMockExtension server = LoopbackHttpServer.extension();

    @TempDir
    static Path data;

    private static final String FIRST_PAGE = "{\"count\":5,\"previous\":null,\"next\":\"%s\",\"device\":{\"manufacturer\":\"Slock.it\","
            + "\"model\":\"Virtual Energy Meter\",\"serial_number\":\"0001000\",\"latitude\":\"1.4\",\"longitude\":\"-3.5\","
            + "\"energy_unit\":\"kilowatt_hour\",\"is_accumulated\":true},\"measuredEnergy\":["
            + "{\"energy\":100,\"measurement_time\":\"2018-03-14T10:00:00+00:00\"},"
            + "{\"energy\":200,\"measurement_time\":\"2018-03-14T10:01:00+00:00\"},"
            + "{\"energy\":250,\"measurement_time\":\"2018-03-14T10:02:00+00:00\"}]}";
    private static final String SECOND_PAGE = "{\"count\":5,\"previous\":null,\"next\":null,\"device\":{\"manufacturer\":\"Slock.it\","
            + "\"model\":\"Virtual Energy Meter\",\"serial_number\":\"0001000\",\"latitude\":\"1.4\",\"longitude\":\"-3.5\","
            + "\"energy_unit\":\"kilowatt_hour\",\"is_accumulated\":true},\"measuredEnergy\":["
            + "{\"energy\":390,\"measurement_time\":\"2018-03-14T10:03:00+00:00\"},"
            + "{\"energy\":400,\"measurement_time\":\"2018-03-14T10:04:00+00:00\"}]}";

    private static String source(String meter, String extra) {
        return "kamelet:energy-api-source?meterId=" + meter + "&baseUrl=" + LoopbackHttpServer.baseUri(server)
                + "&apiVersion=v2&deviceId=meter-1&user=bond&password=RAW(s3cret)&period=100&since=2018-03-14T00:00:00Z" + extra;
    }

    private static void servePages() {
        String next = LoopbackHttpServer.baseUri(server).resolve("produced/meter-1?page=2").toString();
        server.stubFor(get(urlPathEqualTo("/produced/meter-1")).withQueryParam("page", absent()).willReturn(okJson(FIRST_PAGE.formatted(next))));
        server.stubFor(get(urlPathEqualTo("/produced/meter-1")).withQueryParam("page", equalTo("2")).willReturn(okJson(SECOND_PAGE)));
    }

    @Test
    void pollsEmitTheRegisterOnceAndNothingWhileNoNewEntriesArrive() throws Exception {
        servePages();
        route(source("k-golden", ""), "mock:readings");
        MockEndpoint readings = getMockEndpoint("mock:readings");

        await().atMost(10, TimeUnit.SECONDS).until(() -> server.getAllServeEvents().size() >= 6);

        assertThat(readings.getReceivedExchanges()).singleElement().satisfies(exchange -> {
            Measurement reading = exchange.getMessage().getBody(Measurement.class);
            assertThat(reading.meter()).isEqualTo("k-golden");
            assertThat(reading.energyWh()).isEqualTo(400_000L);
        });
    }

    @Test
    void resumePropertiesContinueAPerPeriodRegisterAfterTheLedgersLastReading() throws Exception {
        server.stubFor(get(urlPathEqualTo("/consumed/meter-1")).withQueryParam("start", equalTo("2018-03-14T10:00:00Z")).willReturn(okJson(
                "{\"count\":2,\"next\":null,\"device\":{\"energy_unit\":\"watt_hour\",\"is_accumulated\":false},\"measuredEnergy\":["
                        + "{\"energy\":70,\"measurement_time\":\"2018-03-14T10:00:00Z\"},"
                        + "{\"energy\":5,\"measurement_time\":\"2018-03-14T10:01:00Z\"}]}")));
        route(source("k-resumed", "&direction=consumed&resumeEnergyWh=1000&resumeTime=2018-03-14T10:00:00Z"), "mock:resumed");
        MockEndpoint resumed = getMockEndpoint("mock:resumed");
        resumed.expectedMinimumMessageCount(1);
        resumed.assertIsSatisfied(10_000);

        Measurement reading = resumed.getReceivedExchanges().get(0).getMessage().getBody(Measurement.class);
        assertThat(reading.energyWh()).isEqualTo(1_005L);
    }

    @Test
    void aFailedPollEmitsTheFaultWithTheExceptionCaught() throws Exception {
        server.stubFor(get(urlPathEqualTo("/produced/meter-1")).willReturn(aResponse().withStatus(401)));
        route(source("k-denied", ""), "mock:faults");

        MeterFault fault = firstFault("mock:faults");
        assertThat(fault.meter()).isEqualTo("k-denied");
        assertThat(fault.reason()).contains("authentication failed").doesNotContain("s3cret");
    }

    @Test
    void readingsAndFaultsReachTheLedgerAsReadingsAndDeadLetters() throws Exception {
        servePages();
        route(source("k-ledgered", ""), "kamelet:ledger-append-action?dataDir=" + data);
        server.stubFor(get(urlPathEqualTo("/consumed/meter-1")).willReturn(aResponse().withStatus(503)));
        route(source("k-broken", "&direction=consumed"), "kamelet:ledger-append-action?dataDir=" + data);
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());

        await().atMost(10, TimeUnit.SECONDS).until(() -> ledger.head("k-ledgered").isPresent()
                && ledger.deadLetters().list(100).stream().anyMatch(letter -> "k-broken".equals(letter.meter())));

        assertThat(ledger.head("k-ledgered").orElseThrow().energyWh()).isEqualTo(400_000L);
        assertThat(ledger.head("k-broken")).isEmpty();
        assertThat(ledger.deadLetters().list(100)).filteredOn(letter -> "k-broken".equals(letter.meter()))
                .allSatisfy(letter -> assertThat(letter.reason()).contains("server error HTTP 503"));
    }

    @Test
    void aMeterFailingAfterAReadingIsRecordedDownWithItsLastGoodValueNeverZero() throws Exception {
        servePages();
        route(source("k-down", ""), "kamelet:ledger-append-action?dataDir=" + data);
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
        await().atMost(10, TimeUnit.SECONDS).until(() -> ledger.head("k-down").isPresent());
        long upSeq = ledger.head("k-down").orElseThrow().seq();

        server.stubFor(get(urlPathEqualTo("/produced/meter-1")).willReturn(aResponse().withStatus(500)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> ledger.head("k-down").orElseThrow().seq() > upSeq);

        long seq = ledger.head("k-down").orElseThrow().seq();
        Reading down = ledger.find("k-down", seq).orElseThrow().document().reading();
        assertThat(down.down()).isTrue();
        assertThat(down.energyWh()).isEqualTo(400_000L);
    }

    @Test
    void aRouteWithPlainHttpToARemoteHostFailsToStartWithAClearError() {
        String remote = "kamelet:energy-api-source?meterId=k-remote&baseUrl=http://192.0.2.1/api&deviceId=d&period=100";

        assertThatThrownBy(() -> route(remote, "mock:never"))
                .hasStackTraceContaining("refusing plain http to 192.0.2.1")
                .hasStackTraceContaining("allowInsecure");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRouteWithPlainHttpToARemoteHostStartsWhenInsecureIsAllowed() {
        String optedOut = "kamelet:energy-api-source?meterId=k-optout&baseUrl=http://192.0.2.1/api&deviceId=d&period=60000&allowInsecure=true";

        assertThatCode(() -> route(optedOut, "mock:optout")).doesNotThrowAnyException();
    }
}
