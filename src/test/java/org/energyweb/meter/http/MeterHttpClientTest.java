package org.energyweb.meter.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MeterHttpClientTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SECRET = "s3cr3t-p4ss";

    @RegisterExtension
    static WireMockExtension server = LoopbackHttpServer.extension();

    private MeterHttpClient client(Credentials credentials) {
        return client(credentials, Duration.ofSeconds(10));
    }

    private MeterHttpClient client(Credentials credentials, Duration requestTimeout) {
        HttpSourceSettings settings = HttpSourceSettings.of(LoopbackHttpServer.baseUri(server), credentials)
                .withTimeouts(Duration.ofSeconds(5), requestTimeout);
        return new MeterHttpClient(settings, new FaultReporter("m1", "test-source", Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private MeterFault faultOf(MeterHttpClient client, String path) {
        URI uri = client.settings().resolve(path);
        return catchThrowableOfType(MeterFaultException.class, () -> client.get(uri, "application/json")).fault();
    }

    @Test
    void aSuccessfulResponseReturnsItsBodyAndSendsBasicAuth() {
        server.stubFor(get("/ok").willReturn(aResponse().withBody("hello")));
        MeterHttpClient client = client(Credentials.basic("meter", SECRET));
        byte[] body = client.get(client.settings().resolve("ok"), "application/json");
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("hello");
        server.verify(getRequestedFor(urlEqualTo("/ok")).withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("meter", SECRET)));
    }

    @Test
    void anApiKeyIsSentAsTheXApiKeyHeader() {
        server.stubFor(get("/ok").willReturn(aResponse().withBody("{}")));
        MeterHttpClient client = client(Credentials.apiKey(SECRET));
        client.get(client.settings().resolve("ok"), "application/json");
        server.verify(getRequestedFor(urlEqualTo("/ok")).withHeader("X-API-Key", equalTo(SECRET)));
    }

    @Test
    void http401IsAnAuthenticationFailureThatNeverShowsTheSecret() {
        server.stubFor(get("/data").willReturn(aResponse().withStatus(401).withBody("bad credentials")));
        MeterFault fault = faultOf(client(Credentials.basic("meter", SECRET)), "data");
        assertThat(fault.reason()).contains("authentication failed", "401").doesNotContain(SECRET);
        assertThat(fault.meter()).isEqualTo("m1");
        assertThat(fault.source()).isEqualTo("test-source");
        assertThat(fault.time()).isEqualTo(NOW);
        assertThat(new String(fault.payload(), StandardCharsets.UTF_8)).isEqualTo("bad credentials");
    }

    @Test
    void http403IsAnAuthenticationFailureToo() {
        server.stubFor(get("/data").willReturn(aResponse().withStatus(403)));
        assertThat(faultOf(client(Credentials.apiKey(SECRET)), "data").reason()).contains("authentication failed", "403").doesNotContain(SECRET);
    }

    @Test
    void http404IsAClientError() {
        server.stubFor(get("/data").willReturn(aResponse().withStatus(404)));
        assertThat(faultOf(client(Credentials.none()), "data").reason()).contains("client error HTTP 404");
    }

    @Test
    void http503IsAServerErrorWithItsBody() {
        server.stubFor(get("/data").willReturn(aResponse().withStatus(503).withBody("maintenance")));
        MeterFault fault = faultOf(client(Credentials.none()), "data");
        assertThat(fault.reason()).contains("server error HTTP 503");
        assertThat(new String(fault.payload(), StandardCharsets.UTF_8)).isEqualTo("maintenance");
    }

    @Test
    void aRedirectIsNotFollowedSoCredentialsStayWithTheConfiguredHost() {
        server.stubFor(get("/data").willReturn(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.2/steal")));
        assertThat(faultOf(client(Credentials.basic("meter", SECRET)), "data").reason()).contains("HTTP 302", "redirects are not followed");
    }

    @Test
    void aSlowResponseIsATimeout() {
        server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(3_000).withBody("late")));
        assertThat(faultOf(client(Credentials.none(), Duration.ofMillis(500)), "slow").reason()).startsWith("timeout");
    }

    @Test
    void aClosedPortIsARefusedConnection() {
        HttpSourceSettings settings = HttpSourceSettings.of(URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort()), Credentials.none());
        MeterHttpClient client = new MeterHttpClient(settings, new FaultReporter("m1", "test-source", Clock.systemUTC()));
        assertThat(faultOf(client, "data").reason()).startsWith("connection refused");
    }

    @Test
    void aLinkToAnotherHostIsRefusedBeforeAnythingIsSent() {
        MeterHttpClient client = client(Credentials.basic("meter", SECRET));
        MeterFault fault = catchThrowableOfType(MeterFaultException.class,
                () -> client.get(URI.create("http://127.0.0.2:" + server.getPort() + "/data"), "application/json")).fault();
        assertThat(fault.reason()).contains("leaves the configured API");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void plainHttpToARemoteHostIsRefusedWithAClearReason() {
        assertThatThrownBy(() -> HttpSourceSettings.of(URI.create("http://meters.example.com/api"), Credentials.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing plain http to meters.example.com")
                .hasMessageContaining("allowInsecure");
    }

    @Test
    void plainHttpToARemoteHostIsAcceptedWhenTheUserOptsOut() {
        HttpSourceSettings settings = new HttpSourceSettings(URI.create("http://10.0.0.5/api"), Credentials.none(),
                HttpSourceSettings.DEFAULT_CONNECT_TIMEOUT, HttpSourceSettings.DEFAULT_REQUEST_TIMEOUT, true);
        assertThat(settings.resolve("rest")).hasToString("http://10.0.0.5/api/rest");
    }

    @Test
    void httpsAndLoopbackNeedNoOptOut() {
        assertThat(HttpSourceSettings.of(URI.create("https://meters.example.com/api"), Credentials.none()).baseUri()).hasToString("https://meters.example.com/api/");
        assertThat(HttpSourceSettings.of(URI.create("http://127.0.0.1:8080/api"), Credentials.none()).baseUri()).hasToString("http://127.0.0.1:8080/api/");
        assertThat(HttpSourceSettings.of(URI.create("http://[::1]:8080/api"), Credentials.none()).baseUri()).hasToString("http://[::1]:8080/api/");
    }

    @Test
    void credentialsInTheUrlAreRefusedSoTheyCannotLeakIntoLogs() {
        assertThatThrownBy(() -> HttpSourceSettings.of(URI.create("https://user:" + SECRET + "@meters.example.com/"), Credentials.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertThat(Credentials.basic("meter", SECRET).toString()).isEqualTo("basic auth as meter");
        assertThat(Credentials.apiKey(SECRET).toString()).isEqualTo("X-API-Key");
    }
}
