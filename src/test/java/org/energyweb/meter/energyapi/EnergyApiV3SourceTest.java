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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnergyApiV3SourceTest {

    private static final Instant SINCE = Instant.parse("2018-03-14T00:00:00Z");
    private static final Instant T = Instant.parse("2018-03-14T17:11:19Z");
    private static final Instant NOW = Instant.parse("2018-03-15T00:00:00Z");
    private static final String API_KEY = "k3y-0f-th3-4p1";

    @RegisterExtension
    static WireMockExtension server = LoopbackHttpServer.extension();

    private final SteppingClock clock = new SteppingClock(NOW);

    private EnergyApiSource source(Credentials credentials, int limit) {
        HttpSourceSettings settings = HttpSourceSettings.of(LoopbackHttpServer.baseUri(server).resolve("v3/"), credentials);
        return new EnergyApiSource(new EnergyApiV3Client(settings, "42", limit, "asset-42", clock), "asset-42", clock, SINCE, Duration.ZERO);
    }

    private static void asset(String unit, boolean accumulated) {
        server.stubFor(get("/v3/asset/42").willReturn(okJson("{\"id\":42,\"role\":\"producer\",\"energyUnit\":\"" + unit
                + "\",\"isAccumulated\":" + accumulated + ",\"manufacturer\":\"Acme\",\"model\":\"PV-1\",\"serialNumber\":\"S-1\"}")));
    }

    private static MappingBuilder energy() {
        return get(urlPathEqualTo("/v3/asset/42/energy"));
    }

    private static String entry(String energy, Instant time) {
        return "{\"energy\":" + energy + ",\"measurementTime\":\"" + time.toString().replace("Z", "+00:00") + "\"}";
    }

    private static String entries(Instant first, String... energies) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < energies.length; i++) {
            json.append(i == 0 ? "" : ",").append(entry(energies[i], first.plusSeconds(60L * i)));
        }
        return json.append("]").toString();
    }

    @Test
    void anAccumulatedAssetIsAskedForItsLatestRegisterWithTheApiKeyHeader() {
        asset("kilowattHour", true);
        server.stubFor(energy().willReturn(okJson(entry("1234.567", T))));

        Measurement reading = source(Credentials.apiKey(API_KEY), 10).poll().orElseThrow();

        assertThat(reading.energyWh()).isEqualTo(1_234_567L);
        assertThat(reading.time()).isEqualTo(T);
        server.verify(getRequestedFor(urlPathEqualTo("/v3/asset/42/energy"))
                .withQueryParam("timeStart", equalTo("2018-03-14T00:00:00Z"))
                .withQueryParam("timeEnd", equalTo("2018-03-15T00:00:00Z"))
                .withQueryParam("accumulated", equalTo("true"))
                .withQueryParam("limit", equalTo("10"))
                .withHeader("X-API-Key", equalTo(API_KEY)));
        server.verify(getRequestedFor(urlPathEqualTo("/v3/asset/42")).withHeader("X-API-Key", equalTo(API_KEY)));
    }

    @Test
    void aPerPeriodAssetIsSummedWithBasicAuth() {
        asset("wattHour", false);
        server.stubFor(energy().willReturn(okJson(entries(T, "12304", "8568", "6"))));

        assertThat(source(Credentials.basic("bond", "secret"), 10).poll().orElseThrow().energyWh()).isEqualTo(20_878L);
        server.verify(getRequestedFor(urlPathEqualTo("/v3/asset/42/energy"))
                .withQueryParam("accumulated", equalTo("false"))
                .withBasicAuth(new BasicCredentials("bond", "secret")));
    }

    @ParameterizedTest
    @CsvSource({"joule, 1", "wattHour, 3600", "kilowattHour, 3600000", "megawattHour, 3600000000", "gigawattHour, 3600000000000"})
    void everyV3UnitNameIsConvertedToWattHours(String unit, long expectedWh) {
        asset(unit, true);
        server.stubFor(energy().willReturn(okJson(entry("3600", T))));

        assertThat(source(Credentials.none(), 10).poll().orElseThrow().energyWh()).isEqualTo(expectedWh);
    }

    @Test
    void aFullAnswerCountsOnlyUpToItsLastInstantAndTheNextPollContinuesThere() {
        asset("wattHour", false);
        EnergyApiSource source = source(Credentials.none(), 3);
        server.stubFor(energy().withQueryParam("timeStart", equalTo("2018-03-14T00:00:00Z")).willReturn(okJson(entries(T, "1", "2", "4"))));
        Measurement first = source.poll().orElseThrow();
        assertThat(first.energyWh()).isEqualTo(3L);
        assertThat(first.time()).isEqualTo(T.plusSeconds(60));

        // The server repeats the entry at timeStart (its bounds are inclusive) and sends the one cut before.
        server.stubFor(energy().withQueryParam("timeStart", equalTo("2018-03-14T17:12:19Z")).willReturn(okJson(entries(T.plusSeconds(60), "2", "4"))));
        Measurement second = source.poll().orElseThrow();

        assertThat(second.energyWh()).isEqualTo(3L + 4);
        assertThat(second.time()).isEqualTo(T.plusSeconds(120));
    }

    @Test
    void aFullAnswerAtASingleInstantIsAFault() {
        asset("wattHour", false);
        server.stubFor(energy().willReturn(okJson("[" + entry("1", T) + "," + entry("2", T) + "]")));

        MeterFault fault = catchThrowableOfType(MeterFaultException.class, source(Credentials.none(), 2)::poll).fault();
        assertThat(fault.reason()).contains("share the instant", "raise the limit");
    }

    @Test
    void aFullAnswerThatCannotAdvanceTheWindowIsAFaultNotAnEndlessRetry() {
        asset("wattHour", false);
        // The entry at timeStart is repeated (inclusive bounds) and fills the answer with the next one.
        server.stubFor(energy().willReturn(okJson("[" + entry("1", SINCE) + "," + entry("2", T) + "]")));

        MeterFault fault = catchThrowableOfType(MeterFaultException.class, source(Credentials.none(), 2)::poll).fault();
        assertThat(fault.reason()).contains("cut short before any new entry", "raise the limit");
    }

    @Test
    void anEmptyAccumulatedAnswerGivesNoReading() {
        asset("wattHour", true);
        server.stubFor(energy().willReturn(okJson("{}")));

        assertThat(source(Credentials.none(), 10).poll()).isEmpty();
    }

    @Test
    void aRejectedApiKeyIsAnAuthenticationFaultWithoutTheKey() {
        server.stubFor(get("/v3/asset/42").willReturn(aResponse().withStatus(401).withBody("{\"message\":\"invalid key\"}")));

        MeterFault fault = catchThrowableOfType(MeterFaultException.class, source(Credentials.apiKey(API_KEY), 10)::poll).fault();
        assertThat(fault.reason()).contains("authentication failed (HTTP 401", "X-API-Key").doesNotContain(API_KEY);
        assertThat(fault.source()).startsWith("energy-api-v3:");
    }

    @Test
    void anUnknownV3UnitIsAFault() {
        asset("therm", true);
        server.stubFor(energy().willReturn(okJson(entry("1", T))));

        assertThat(catchThrowableOfType(MeterFaultException.class, source(Credentials.none(), 10)::poll).fault().reason())
                .contains("unknown energy unit 'therm'");
    }
}
