package org.energyweb.camel;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.component.mock.MockEndpoint;
import org.energyweb.meter.http.LoopbackHttpServer;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EumelSourceKameletTest extends HttpSourceKameletTestSupport {

    @RegisterExtension
    static WireMockExtension server = LoopbackHttpServer.extension();

    private static String source(String meter, String version) {
        return "kamelet:eumel-source?meterId=" + meter + "&baseUrl=" + LoopbackHttpServer.baseUri(server)
                + "&version=" + version + "&user=admin&password=RAW(eumel-pw)&period=100";
    }

    @Test
    void aV211LoggerEmitsItsImportRegisterOncePerLoggerTime() throws Exception {
        server.stubFor(get("/wizard/public/api/rest").willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(
                "<SunSpecData v=\"1\"><d man=\"Eumel\" mod=\"DL-1\" sn=\"EU0042\" t=\"2019-05-01T12:00:00Z\">"
                        + "<m id=\"211\"><p id=\"TotWhImp\">7654.5</p></m></d></SunSpecData>")));
        route(source("eu-1", "2.1.1"), "mock:readings");
        MockEndpoint readings = getMockEndpoint("mock:readings");

        await().atMost(10, TimeUnit.SECONDS).until(() -> server.getAllServeEvents().size() >= 3);

        assertThat(readings.getReceivedExchanges()).singleElement().satisfies(exchange -> {
            Measurement reading = exchange.getMessage().getBody(Measurement.class);
            assertThat(reading.meter()).isEqualTo("eu-1");
            assertThat(reading.energyWh()).isEqualTo(7_654L);
            assertThat(reading.time()).isEqualTo(Instant.parse("2019-05-01T12:00:00Z"));
        });
        server.verify(getRequestedFor(urlEqualTo("/wizard/public/api/rest")).withBasicAuth(new BasicCredentials("admin", "eumel-pw")));
    }

    @Test
    void aV1LoggerWithMalformedXmlEmitsAFaultWithTheExceptionCaught() throws Exception {
        server.stubFor(get("/rest").willReturn(aResponse().withBody("<SunSpecData><d")));
        route(source("eu-2", "1"), "mock:faults");

        MeterFault fault = firstFault("mock:faults");
        assertThat(fault.meter()).isEqualTo("eu-2");
        assertThat(fault.reason()).startsWith("malformed XML");
    }
}
