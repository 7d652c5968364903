package org.energyweb.ipfs.camel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.Multihash;
import org.energyweb.ipfs.rpc.IpfsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ipfs-store-action kamelet, loaded from the project's kamelets folder, against a real js-ipfs node. */
class IpfsStoreActionKameletTest extends CamelTestSupport {

    private static final Path KAMELETS = Path.of(System.getProperty("energyweb.project.dir", "."), "kamelets");

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getComponent("kamelet", KameletComponent.class).setLocation("file:" + KAMELETS.toAbsolutePath());
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:store").to("kamelet:ipfs-store-action?apiUrl=" + IPFS.apiUrl()).to("mock:stored");
            }
        };
    }

    private static byte[] reading() {
        return ("{\"meter\":\"" + UUID.randomUUID() + "\",\"wh\":7}").getBytes(UTF_8);
    }

    private static String sha256Cid(byte[] document) {
        return Cid.ofRawSha256(Multihash.newSha256().digest(document)).toString();
    }

    @Test
    void storesTheBodyAndSetsItsCidHeader() {
        byte[] document = reading();

        Exchange exchange = template.request("direct:store", e -> e.getMessage().setBody(document));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(IpfsConstants.CID)).isEqualTo(sha256Cid(document));
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(document);
        assertThat(IPFS.client().cat(Cid.parse(sha256Cid(document)))).isEqualTo(document);
        assertThat(IPFS.client().isPinned(Cid.parse(sha256Cid(document)))).isTrue();
    }

    @Test
    void documentThatIsNotTheOneExpectedIsAFault() {
        byte[] document = reading();

        Exchange exchange = template.request("direct:store", e -> {
            e.getMessage().setBody(document);
            e.getMessage().setHeader(IpfsConstants.EXPECTED_CID, sha256Cid(reading()));
        });

        assertThat(exchange.getException()).isInstanceOfSatisfying(IpfsException.class,
                e -> assertThat(e.reason()).isEqualTo(IpfsException.Reason.CID_MISMATCH));
    }

    @Test
    void definitionDescribesEveryPropertyAndMarksTheCredentialAsAPassword() throws Exception {
        JsonNode kamelet = new ObjectMapper(new YAMLFactory()).readTree(KAMELETS.resolve("ipfs-store-action.kamelet.yaml").toFile());
        JsonNode properties = kamelet.at("/spec/definition/properties");

        assertThat(kamelet.at("/metadata/labels").get("camel.apache.org/kamelet.type").asText()).isEqualTo("action");
        properties.fields().forEachRemaining(property -> {
            assertThat(property.getValue().path("title").asText()).as(property.getKey()).isNotBlank();
            assertThat(property.getValue().path("description").asText()).as(property.getKey()).isNotBlank();
        });
        assertThat(properties.at("/authHeader/format").asText()).isEqualTo("password");
        assertThat(properties.at("/authHeader/x-descriptors").toString()).contains("urn:camel:group:credentials");
    }

    @Test
    void unsafeApiUrlIsRefusedWithAClearError() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:remote").to("kamelet:ipfs-store-action?apiUrl=http://ipfs.example.org:5001");
            }
        })).hasStackTraceContaining("refusing plain HTTP to ipfs.example.org");
    }
}
