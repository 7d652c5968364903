package org.energyweb.camel;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.peers.PeerProcess;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The energy-api-source kamelet's circuit breaker, against a real HTTP server (WireMock) that is stopped and started again. */
class EnergyApiCircuitBreakerTest extends HttpSourceKameletTestSupport {

    private static final String PAGE = "{\"count\":%d,\"next\":null,\"device\":{\"energy_unit\":\"kilowatt_hour\",\"is_accumulated\":true},"
            + "\"measuredEnergy\":[%s]}";
    private static final String AT_10_00 = entry(100, Instant.parse("2018-03-14T10:00:00Z"));

    private final int port = PeerProcess.freeLoopbackPort();
    private WireMockServer api;

    @TempDir
    Path data;

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @AfterEach
    void stopApi() {
        api.stop();
    }

    @Test
    void anApiThatGoesAwayCostsDeadLettersOnlyUntilItsCircuitOpensAndIsReadAgainWhenItReturns() throws Exception {
        startApi(AT_10_00);
        route("kamelet:energy-api-source?meterId=api-1&baseUrl=http://127.0.0.1:" + port + "/&deviceId=meter-1&period=100"
                + "&since=2018-03-14T00:00:00Z&breakerFailureThreshold=2&breakerOpenDuration=300",
                "kamelet:ledger-append-action?dataDir=" + data);
        context.start();
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.head("api-1").isPresent());

        api.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(ledger).stream()
                .anyMatch(letter -> letter.reason().contains("; circuit open, next try in")));
        // The threshold's two failures, and a third when the server answers 503 while it is stopping
        // (WireMock does under load).
        List<DeadLetter> untilOpen = deadLetters(ledger);
        assertThat(untilOpen).hasSizeBetween(2, 3);
        // The API stays away over several trial polls; none of them is a fault of its own.
        Thread.sleep(1_500);
        // Back with an entry measured while it was away: after the last window the meter read.
        startApi(AT_10_00, entry(200, Instant.now().truncatedTo(ChronoUnit.SECONDS)));

        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.head("api-1").orElseThrow().energyWh() == 200_000L);
        Reading last = ledger.find("api-1", ledger.head("api-1").orElseThrow().seq()).orElseThrow().document().reading();
        assertThat(last.down()).isFalse();
        assertThat(deadLetters(ledger)).extracting(DeadLetter::id).isEqualTo(untilOpen.stream().map(DeadLetter::id).toList());
    }

    /** The API on the test's port, answering every poll with these register entries. */
    private void startApi(String... entries) {
        api = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1"));
        api.start();
        api.stubFor(get(urlPathEqualTo("/produced/meter-1")).willReturn(okJson(PAGE.formatted(entries.length, String.join(",", entries)))));
    }

    private static String entry(long kilowattHours, Instant time) {
        return "{\"energy\":" + kilowattHours + ",\"measurement_time\":\"" + time + "\"}";
    }

    private static List<DeadLetter> deadLetters(Ledger ledger) {
        return ledger.deadLetters().list(1_000);
    }
}
