package org.energyweb.meter.eumel;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EumelSourceTest {

    private static final Instant NOW = Instant.parse("2019-05-01T12:00:30Z");
    private static final String V1_PATH = "/rest";
    private static final String V2_PATH = "/wizard/public/api/rest";

    @RegisterExtension
    static WireMockExtension server = LoopbackHttpServer.extension();

    private final SteppingClock clock = new SteppingClock(NOW);

    private EumelSource source(EumelVersion version) {
        HttpSourceSettings settings = HttpSourceSettings.of(LoopbackHttpServer.baseUri(server), Credentials.basic("admin", "eumel-pw"))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
        return new EumelSource(settings, version, null, "eumel-1", clock);
    }

    static String document(String time, String points) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SunSpecData v=\"1\">"
                + "<d lid=\"11:22:33:44:55:66\" man=\"Eumel\" mod=\"DL-1\" sn=\"EU0042\" t=\"" + time + "\">"
                + "<m id=\"1\"><p id=\"Mn\">Eumel</p></m>"
                + "<m id=\"211\" x=\"1\">" + points + "</m></d></SunSpecData>";
    }

    private static void serve(String path, String body) {
        server.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(body)));
    }

    private static MeterFault faultOf(EumelSource source) {
        return catchThrowableOfType(MeterFaultException.class, source::poll).fault();
    }

    @Test
    void v1ServesTotWhImpInWattHoursKeepingTheDecimalPoint() {
        serve(V1_PATH, document("2019-05-01T12:00:00Z", "<p id=\"TotWhImp\">123456.78</p>"));

        Measurement reading = source(EumelVersion.V1).poll().orElseThrow();

        assertThat(reading.energyWh()).isEqualTo(123_457L);
        assertThat(reading.time()).isEqualTo(Instant.parse("2019-05-01T12:00:00Z"));
        assertThat(reading.source()).endsWith(V1_PATH);
        server.verify(getRequestedFor(urlEqualTo(V1_PATH)).withBasicAuth(new BasicCredentials("admin", "eumel-pw")));
    }

    @Test
    void v211IsReadFromTheWizardPathWithExportAndPower() {
        serve(V2_PATH, document("2019-05-01T12:00:00Z",
                "<p id=\"W\">1520.4</p><p id=\"TotWhExp\">98.5</p><p id=\"TotWhImp\">2000.25</p>"));

        Measurement reading = source(EumelVersion.parse("v2.1.1")).poll().orElseThrow();

        assertThat(reading.energyWh()).isEqualTo(2_000L);
        assertThat(reading.exportWh()).isEqualTo(98L);
        assertThat(reading.powerW()).isEqualTo(1_520L);
    }

    @Test
    void aPointInKilowattHoursIsConvertedByItsUnitAttribute() {
        serve(V1_PATH, document("2019-05-01T12:00:00Z", "<p id=\"TotWhImp\" u=\"kWh\">1.5</p>"));

        assertThat(source(EumelVersion.V1).poll().orElseThrow().energyWh()).isEqualTo(1_500L);
    }

    @Test
    void theLoggerTimeIsUtcFromTheTAttributeEvenWithAnOffset() {
        serve(V1_PATH, document("2019-05-01T14:00:00+02:00", "<p id=\"TotWhImp\">1</p>"));

        assertThat(source(EumelVersion.V1).poll().orElseThrow().time()).isEqualTo(Instant.parse("2019-05-01T12:00:00Z"));
    }

    @Test
    void aTimeWithoutOffsetIsAFault() {
        serve(V1_PATH, document("2019-05-01T12:00:00", "<p id=\"TotWhImp\">1</p>"));

        assertThat(faultOf(source(EumelVersion.V1)).reason()).contains("not UTC with an offset");
    }

    @Test
    void theSameLoggerTimeAgainGivesNoNewReading() {
        EumelSource source = source(EumelVersion.V1);
        serve(V1_PATH, document("2019-05-01T12:00:00Z", "<p id=\"TotWhImp\">10</p>"));
        source.poll();

        clock.advance(Duration.ofSeconds(5));
        assertThat(source.poll()).isEmpty();
    }

    @Test
    void anImportRegisterGoingBackwardsIsAFault() {
        EumelSource source = source(EumelVersion.V1).resumeFrom(5_000L, Instant.parse("2019-05-01T11:59:00Z"));
        serve(V1_PATH, document("2019-05-01T12:00:00Z", "<p id=\"TotWhImp\">4999</p>"));

        MeterFault fault = faultOf(source);
        assertThat(fault.reason()).contains("counter went backwards from 5000 Wh to 4999 Wh");
        assertThat(fault.payload()).isNotEmpty();
    }

    @Test
    void malformedXmlIsAFaultCarryingTheBody() {
        serve(V1_PATH, "<SunSpecData><d t=\"2019-05-01T12:00:00Z\">");

        MeterFault fault = faultOf(source(EumelVersion.V1));
        assertThat(fault.reason()).startsWith("malformed XML");
        assertThat(new String(fault.payload(), StandardCharsets.UTF_8)).isEqualTo("<SunSpecData><d t=\"2019-05-01T12:00:00Z\">");
    }

    @Test
    void aDocumentWithADoctypeIsRefusedSoExternalEntitiesAreNeverResolved() {
        serve(V1_PATH, "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<SunSpecData><d t=\"2019-05-01T12:00:00Z\"><m id=\"211\"><p id=\"TotWhImp\">&x;</p></m></d></SunSpecData>");

        assertThat(faultOf(source(EumelVersion.V1)).reason()).startsWith("malformed XML").contains("DOCTYPE");
    }

    @Test
    void aMissingTotWhImpIsAFault() {
        serve(V1_PATH, document("2019-05-01T12:00:00Z", "<p id=\"W\">100</p>"));

        assertThat(faultOf(source(EumelVersion.V1)).reason()).contains("missing point TotWhImp");
    }

    @Test
    void aNaNRegisterIsAFault() {
        serve(V1_PATH, document("2019-05-01T12:00:00Z", "<p id=\"TotWhImp\">NaN</p>"));

        assertThat(faultOf(source(EumelVersion.V1)).reason()).contains("TotWhImp is not a number");
    }

    @Test
    void aNegativeRegisterIsAFault() {
        serve(V1_PATH, document("2019-05-01T12:00:00Z", "<p id=\"TotWhImp\">-1.5</p>"));

        assertThat(faultOf(source(EumelVersion.V1)).reason()).contains("negative energy -1.5");
    }

    @Test
    void aLoggerTimeInTheFutureIsAFault() {
        serve(V1_PATH, document("2019-05-01T13:00:00Z", "<p id=\"TotWhImp\">1</p>"));

        assertThat(faultOf(source(EumelVersion.V1)).reason()).contains("in the future");
    }

    @Test
    void http401IsAnAuthenticationFault() {
        server.stubFor(get(V2_PATH).willReturn(aResponse().withStatus(401)));

        MeterFault fault = faultOf(source(EumelVersion.V2_1_1));
        assertThat(fault.reason()).contains("authentication failed (HTTP 401").doesNotContain("eumel-pw");
        assertThat(fault.meter()).isEqualTo("eumel-1");
    }

    @Test
    void http500IsAServerFault() {
        server.stubFor(get(V1_PATH).willReturn(aResponse().withStatus(500)));

        assertThat(faultOf(source(EumelVersion.V1)).reason()).contains("server error HTTP 500");
    }

    @Test
    void aSerialNumberSelectsTheDevice() {
        serve(V1_PATH, "<SunSpecData>"
                + "<d sn=\"A\" t=\"2019-05-01T12:00:00Z\"><m id=\"211\"><p id=\"TotWhImp\">1</p></m></d>"
                + "<d sn=\"B\" t=\"2019-05-01T12:00:00Z\"><m id=\"211\"><p id=\"TotWhImp\">2</p></m></d></SunSpecData>");
        HttpSourceSettings settings = HttpSourceSettings.of(LoopbackHttpServer.baseUri(server), Credentials.none());

        assertThat(new EumelSource(settings, EumelVersion.V1, "B", "eumel-b", clock).poll().orElseThrow().energyWh()).isEqualTo(2L);
    }
}
