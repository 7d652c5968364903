package org.energyweb.meter.energyapi;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.energyweb.meter.http.Credentials;
import org.energyweb.meter.http.HttpSourceSettings;
import org.energyweb.meter.http.LoopbackHttpServer;
import org.energyweb.meter.http.SteppingClock;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnergyApiV2SourceTest {

    private static final Instant SINCE = Instant.parse("2018-03-14T00:00:00Z");
    private static final Instant T = Instant.parse("2018-03-14T10:00:00Z");
    private static final Instant NOW = Instant.parse("2018-03-15T00:00:00Z");
    private static final String DEVICE_PATH = "/produced/meter-1";

    @RegisterExtension
    static WireMockExtension server = LoopbackHttpServer.extension();

    private final SteppingClock clock = new SteppingClock(NOW);

    private EnergyApiSource source(int pageSize, int maxPages) {
        HttpSourceSettings settings = HttpSourceSettings.of(LoopbackHttpServer.baseUri(server), Credentials.basic("bond", "secret"));
        EnergyApiV2Client api = new EnergyApiV2Client(settings, Direction.PRODUCED, "meter-1", pageSize, maxPages, "m1", clock);
        return new EnergyApiSource(api, "m1", clock, SINCE, Duration.ZERO);
    }

    private EnergyApiSource source() {
        return source(3, EnergyApiV2Client.DEFAULT_MAX_PAGES);
    }

    private static MappingBuilder firstPage() {
        return get(urlPathEqualTo(DEVICE_PATH)).withQueryParam("page", absent());
    }

    private static MappingBuilder page(int number) {
        return get(urlPathEqualTo(DEVICE_PATH)).withQueryParam("page", equalTo(String.valueOf(number)));
    }

    private String pageLink(int number) {
        return LoopbackHttpServer.baseUri(server).resolve(DEVICE_PATH + "?page=" + number).toString();
    }

    private static MeterFault faultOf(EnergyApiSource source) {
        return catchThrowableOfType(MeterFaultException.class, source::poll).fault();
    }

    @Test
    void accumulatedKilowattHourPagesGiveTheLastValue400000Wh() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(5, "kilowatt_hour", true).entries(T, "100", "200", "250").next(pageLink(2)).toString())));
        server.stubFor(page(2).willReturn(okJson(V2Pages.page(5, "kilowatt_hour", true).entries(T.plusSeconds(180), "390", "400").toString())));

        Measurement reading = source().poll().orElseThrow();

        assertThat(reading.energyWh()).isEqualTo(400_000L);
        assertThat(reading.time()).isEqualTo(T.plusSeconds(240));
        assertThat(reading.meter()).isEqualTo("m1");
        assertThat(reading.source()).startsWith("energy-api-v2:http://127.0.0.1:").endsWith(DEVICE_PATH);
    }

    @Test
    void perPeriodWattHourPagesAreSummed84593Wh() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(5, "watt_hour", false).entries(T, "12304", "8568", "63456").next(pageLink(2)).toString())));
        server.stubFor(page(2).willReturn(okJson(V2Pages.page(5, "watt_hour", false).entries(T.plusSeconds(180), "0", "265").toString())));

        assertThat(source().poll().orElseThrow().energyWh()).isEqualTo(84_593L);
    }

    @Test
    void perPeriodMegawattHoursAreConvertedExactly20878000000Wh() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(3, "megawatt_hour", false).entries(T, "12304", "8568", "6").toString())));

        assertThat(source().poll().orElseThrow().energyWh()).isEqualTo(20_878_000_000L);
    }

    @Test
    void joulesAreSummedExactlyBeforeConversion() {
        // 3 x 1200 J = 1 Wh exactly; converting each value first would be 3 x 0.333... Wh.
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(3, "joules", false).entries(T, "1200", "1200", "1200").toString())));

        assertThat(source().poll().orElseThrow().energyWh()).isEqualTo(1L);
    }

    @Test
    void theRequestAsksForTheWindowWithBasicAuthAndThePageSize() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(0, "watt_hour", false).toString())));

        source().poll();

        server.verify(getRequestedFor(urlPathEqualTo(DEVICE_PATH))
                .withQueryParam("start", equalTo("2018-03-14T00:00:00Z"))
                .withQueryParam("end", equalTo("2018-03-15T00:00:00Z"))
                .withQueryParam("limit", equalTo("3"))
                .withBasicAuth(new BasicCredentials("bond", "secret")));
    }

    @Test
    void anEmptyWindowGivesNoReadingRatherThanZero() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(0, "watt_hour", false).toString())));

        assertThat(source().poll()).isEmpty();
    }

    @Test
    void perPeriodTotalRunsOnAcrossPollsAndABoundaryEntryCountsOnce() {
        EnergyApiSource source = source();
        server.stubFor(firstPage().withQueryParam("start", equalTo("2018-03-14T00:00:00Z"))
                .willReturn(okJson(V2Pages.page(2, "watt_hour", false).entries(T, "10", "20").toString())));
        assertThat(source.poll().orElseThrow().energyWh()).isEqualTo(30L);

        // The server includes the entry at the window's start, which the first poll counted already.
        clock.advance(Duration.ofHours(1));
        server.stubFor(firstPage().withQueryParam("start", equalTo("2018-03-15T00:00:00Z"))
                .willReturn(okJson(V2Pages.page(2, "watt_hour", false).entry("20", T.plusSeconds(60)).entry("5", NOW.plusSeconds(60)).toString())));
        Measurement second = source.poll().orElseThrow();

        assertThat(second.energyWh()).isEqualTo(35L);
        assertThat(second.time()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aFailedPollLeavesTheWindowToTheNextPoll() {
        EnergyApiSource source = source();
        server.stubFor(firstPage().willReturn(aResponse().withStatus(502)));
        assertThat(faultOf(source).reason()).contains("HTTP 502");

        clock.advance(Duration.ofMinutes(5));
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(1, "watt_hour", false).entries(T, "7").toString())));
        source.poll();

        server.verify(2, getRequestedFor(urlPathEqualTo(DEVICE_PATH)).withQueryParam("start", equalTo("2018-03-14T00:00:00Z")));
    }

    @Test
    void aResumedPerPeriodSourceContinuesTheLedgersRegisterAfterItsLastReading() {
        EnergyApiSource source = source().resumeFrom(1_000L, T.plusSeconds(60));
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(3, "watt_hour", false).entries(T, "10", "20", "40").toString())));

        assertThat(source.poll().orElseThrow().energyWh()).isEqualTo(1_040L);
        server.verify(getRequestedFor(urlPathEqualTo(DEVICE_PATH)).withQueryParam("start", equalTo("2018-03-14T10:01:00Z")));
    }

    @Test
    void anAccumulatedCounterBelowTheLastReadingIsAFault() {
        EnergyApiSource source = source().resumeFrom(500_000L, T);
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(1, "kilowatt_hour", true).entries(T.plusSeconds(60), "499").toString())));

        MeterFault fault = faultOf(source);
        assertThat(fault.reason()).contains("counter went backwards from 500000 Wh to 499000 Wh");
    }

    @Test
    void anAccumulatedCounterGoingBackwardsWithinAWindowIsAFault() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(3, "kilowatt_hour", true).entries(T, "100", "90", "110").toString())));

        assertThat(faultOf(source()).reason()).contains("counter went backwards from 100", "to 90");
    }

    @Test
    void aLoopOfNextLinksIsAFault() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(4, "watt_hour", false).entries(T, "1").next(pageLink(2)).toString())));
        server.stubFor(page(2).willReturn(okJson(V2Pages.page(4, "watt_hour", false).entries(T.plusSeconds(60), "1").next(pageLink(2)).toString())));

        assertThat(faultOf(source()).reason()).contains("paging loops");
    }

    @Test
    void moreThanTheMaximumNumberOfPagesIsAFault() {
        for (int number = 1; number <= 3; number++) {
            MappingBuilder request = number == 1 ? firstPage() : page(number);
            server.stubFor(request.willReturn(okJson(V2Pages.page(3, "watt_hour", false)
                    .entries(T.plusSeconds(60L * number), "1").next(pageLink(number + 1)).toString())));
        }

        assertThat(faultOf(source(1, 2)).reason()).contains("more than 2 pages");
    }

    @Test
    void aCountThatDisagreesWithThePagesIsAFault() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(4, "watt_hour", false).entries(T, "1", "2").toString())));

        assertThat(faultOf(source()).reason()).contains("counted 4 measurements but its pages held 2");
    }

    @Test
    void malformedJsonIsAFaultCarryingTheBody() {
        server.stubFor(firstPage().willReturn(okJson("{\"count\": 1, \"measuredEnergy\": [")));

        MeterFault fault = faultOf(source());
        assertThat(fault.reason()).startsWith("malformed JSON");
        assertThat(new String(fault.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"count\": 1, \"measuredEnergy\": [");
    }

    @Test
    void aMissingFieldIsAFault() {
        var page = V2Pages.page(1, "watt_hour", false).entries(T, "1").json();
        page.withObject("device").remove("is_accumulated");
        server.stubFor(firstPage().willReturn(okJson(page.toString())));

        assertThat(faultOf(source()).reason()).isEqualTo("missing field 'is_accumulated' in device");
    }

    @Test
    void anUnknownUnitIsAFault() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(1, "btu", false).entries(T, "1").toString())));

        assertThat(faultOf(source()).reason()).contains("unknown energy unit 'btu'");
    }

    @Test
    void aNegativeValueIsAFault() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(2, "watt_hour", false).entries(T, "5", "-3").toString())));

        assertThat(faultOf(source()).reason()).contains("negative energy -3");
    }

    @Test
    void aNaNValueIsAFault() {
        String body = V2Pages.page(1, "watt_hour", false).entries(T, "12345").toString().replace("12345", "NaN");
        server.stubFor(firstPage().willReturn(okJson(body)));

        assertThat(faultOf(source()).reason()).contains("is not a number: NaN");
    }

    @Test
    void aTimeWithoutOffsetIsAFaultNotLocalTime() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(1, "watt_hour", false).entry("1", "2018-03-14T10:00:00").toString())));

        assertThat(faultOf(source()).reason()).contains("not a time with an offset", "'2018-03-14T10:00:00'");
    }

    @Test
    void aTimestampInTheFutureIsAFault() {
        server.stubFor(firstPage().willReturn(okJson(V2Pages.page(1, "watt_hour", false).entries(NOW.plus(Duration.ofHours(2)), "1").toString())));

        assertThat(faultOf(source()).reason()).contains("is in the future");
    }

    @Test
    void http401IsAnAuthenticationFault() {
        server.stubFor(firstPage().willReturn(aResponse().withStatus(401)));

        MeterFault fault = faultOf(source());
        assertThat(fault.reason()).contains("authentication failed (HTTP 401").doesNotContain("secret");
        assertThat(fault.meter()).isEqualTo("m1");
        assertThat(fault.time()).isEqualTo(NOW);
    }
}
