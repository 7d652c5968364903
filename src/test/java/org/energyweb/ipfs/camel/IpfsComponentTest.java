package org.energyweb.ipfs.camel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.NoSuchHeaderException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.Multihash;
import org.energyweb.ipfs.rpc.IpfsException;
import org.energyweb.ipfs.rpc.IpfsStat;
import org.energyweb.ipfs.store.SyncReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The ipfs component in Camel routes, against a real js-ipfs node. */
class IpfsComponentTest extends CamelTestSupport {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    static Path pendingDir;

    private static byte[] reading() {
        return ("{\"meter\":\"" + UUID.randomUUID() + "\",\"wh\":42}").getBytes(UTF_8);
    }

    private static String rawCid(byte[] document) {
        return Cid.ofRawSha256(Multihash.newSha256().digest(document)).toString();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String node = "apiUrl=" + IPFS.apiUrl() + "&timeout=3000";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:add").to("ipfs:add?" + node);
                from("direct:add-v0").to("ipfs:add?cidVersion=0&" + node);
                from("direct:add-checked").to("ipfs:add?requireExpectedCid=true&" + node);
                from("direct:add-offline-first").to("ipfs:add?pendingDir=" + pendingDir + "&" + node);
                from("direct:sync").to("ipfs:sync?pendingDir=" + pendingDir + "&" + node);
                from("direct:cat").to("ipfs:cat?" + node);
                from("direct:pin").to("ipfs:pin?" + node);
                from("direct:unpin").to("ipfs:unpin?" + node);
                from("direct:stat").to("ipfs:stat?" + node);
            }
        };
    }

    @Test
    void componentIsFoundByItsScheme() {
        assertThat(context.getComponent("ipfs")).isInstanceOf(IpfsComponent.class);
    }

    @Test
    void addSetsTheDocumentsRawSha256CidConfirmedByTheNode() {
        byte[] document = reading();

        Exchange exchange = template.request("direct:add", e -> e.getMessage().setBody(document));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(IpfsConstants.CID)).isEqualTo(rawCid(document));
        assertThat(exchange.getMessage().getHeader(IpfsConstants.PENDING)).isEqualTo(false);
        assertThat(IPFS.client().isPinned(Cid.parse(rawCid(document)))).isTrue();
    }

    @Test
    void addWithCidVersion0GivesWhatIpfsAddGives() {
        String cid = template.request("direct:add-v0", e -> e.getMessage().setBody("hello smart meter\n"))
                .getMessage().getHeader(IpfsConstants.CID, String.class);

        assertThat(cid).isEqualTo("QmS8qjkgQDxGXeL3qsHKXvTf3bZXtTBrYmE3nxxVvMnuLx");
    }

    @Test
    void catReadsBackWhatAddStored() {
        byte[] document = reading();
        Object cid = template.request("direct:add", e -> e.getMessage().setBody(document)).getMessage().getHeader(IpfsConstants.CID);

        byte[] read = template.requestBodyAndHeader("direct:cat", null, IpfsConstants.CID, cid, byte[].class);

        assertThat(read).isEqualTo(document);
    }

    @Test
    void addWithTheExpectedCidSucceeds() {
        byte[] document = reading();

        Object cid = template.request("direct:add-checked", e -> {
            e.getMessage().setBody(document);
            e.getMessage().setHeader(IpfsConstants.EXPECTED_CID, rawCid(document));
        }).getMessage().getHeader(IpfsConstants.CID);

        assertThat(cid).isEqualTo(rawCid(document));
    }

    @Test
    void addWithAnotherExpectedCidIsAFaultAndStoresNothing() {
        byte[] document = reading();

        assertThatThrownBy(() -> template.requestBodyAndHeader("direct:add", document, IpfsConstants.EXPECTED_CID, rawCid(reading())))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(IpfsException.class,
                        e -> assertThat(e.reason()).isEqualTo(IpfsException.Reason.CID_MISMATCH));
        assertThat(IPFS.client().isPinned(Cid.parse(rawCid(document)))).isFalse();
    }

    @Test
    void addWithoutTheRequiredExpectedCidIsAFault() {
        assertThatThrownBy(() -> template.requestBody("direct:add-checked", reading()))
                .cause().isInstanceOf(NoSuchHeaderException.class);
    }

    @Test
    void unpinAndPinChangeTheNodesPin() {
        byte[] document = reading();
        template.requestBody("direct:add", document);
        Cid cid = Cid.parse(rawCid(document));

        template.requestBody("direct:unpin", cid.toString());
        assertThat(IPFS.client().isPinned(cid)).isFalse();
        template.requestBodyAndHeader("direct:pin", null, IpfsConstants.CID, cid.toString());
        assertThat(IPFS.client().isPinned(cid)).isTrue();
    }

    @Test
    void statPutsTheNodesFileStatisticsInTheBody() {
        byte[] document = reading();
        template.requestBody("direct:add", document);

        IpfsStat stat = template.requestBody("direct:stat", rawCid(document), IpfsStat.class);

        assertThat(stat.size()).isEqualTo(document.length);
    }

    @Test
    void documentAddedWhileTheNodeIsDownIsKeptAndSyncedWhenItIsBack() {
        byte[] document = reading();
        Exchange kept;
        IPFS.stop();
        try {
            kept = template.request("direct:add-offline-first", e -> e.getMessage().setBody(document));
        } finally {
            IPFS.start();
        }
        assertThat(kept.getException()).isNull();
        assertThat(kept.getMessage().getHeaders()).containsAllEntriesOf(Map.of(IpfsConstants.CID, rawCid(document), IpfsConstants.PENDING, true));

        SyncReport report = template.requestBody("direct:sync", null, SyncReport.class);

        assertThat(report.pushed()).isEqualTo(1);
        assertThat(IPFS.client().cat(Cid.parse(rawCid(document)))).isEqualTo(document);
    }

    @Test
    void plainHttpToARemoteNodeFailsWhenTheProducerStarts() {
        assertThatThrownBy(() -> context.getEndpoint("ipfs:add?apiUrl=http://ipfs.example.org:5001").createProducer().start())
                .isInstanceOf(IpfsException.class)
                .hasMessageContaining("allowInsecure");
    }

    @Test
    void cidVersionOtherThan0Or1FailsWhenTheProducerStarts() {
        assertThatThrownBy(() -> context.getEndpoint("ipfs:add?cidVersion=2").createProducer().start())
                .hasMessageContaining("CID version must be 0 or 1");
    }

    @Test
    void unknownOperationOrOptionIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("ipfs:publish")).isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("unknown ipfs operation 'publish'");
        assertThatThrownBy(() -> context.getEndpoint("ipfs:add?cidVerison=1")).isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("cidVerison");
    }

    @Test
    void credentialNeverAppearsInTheEndpointUri() {
        var endpoint = context.getEndpoint("ipfs:add?apiUrl=" + IPFS.apiUrl() + "&authHeader=Bearer s3cret&pin=false");

        assertThat(endpoint.getEndpointUri()).doesNotContain("s3cret").contains("authHeader=xxxxxx");
        assertThat(((IpfsEndpoint) endpoint).getConfiguration().getAuthHeader()).isEqualTo("Bearer s3cret");
    }
}
