package org.energyweb.ipfs.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.Multihash;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsException.Reason;
import org.energyweb.peers.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Add, cat, pin and stat round trips against a real js-ipfs node, and every way a call can fail. */
class IpfsClientTest {

    private static final UnixFsOptions V0 = UnixFsOptions.forCidVersion(0);
    private static final UnixFsOptions V1 = UnixFsOptions.forCidVersion(1);

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    private static byte[] uniqueDocument() {
        return ("{\"meter\":\"m1\",\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(UTF_8);
    }

    @Test
    void addedDocumentComesBackByteForByte() {
        byte[] document = uniqueDocument();

        Cid cid = IPFS.client().add(document, V0, true);

        assertThat(IPFS.client().cat(cid)).isEqualTo(document);
    }

    @Test
    void addWithCidVersion1GivesTheDocumentsRawSha256Address() {
        byte[] document = uniqueDocument();

        Cid cid = IPFS.client().add(document, V1, false);

        assertThat(cid).isEqualTo(Cid.ofRawSha256(Multihash.newSha256().digest(document)));
        assertThat(cid.toString()).startsWith("bafkrei");
    }

    @Test
    void addingTheSameDocumentTwiceGivesTheSameCid() {
        byte[] document = uniqueDocument();

        assertThat(IPFS.client().add(document, V1, true)).isEqualTo(IPFS.client().add(document, V1, true));
    }

    @Test
    void addWithPinLeavesAPinAndUnpinRemovesIt() {
        Cid cid = IPFS.client().add(uniqueDocument(), V1, true);
        assertThat(IPFS.client().isPinned(cid)).isTrue();

        IPFS.client().unpin(cid);

        assertThat(IPFS.client().isPinned(cid)).isFalse();
    }

    @Test
    void pinPinsADocumentAddedWithoutPin() {
        Cid cid = IPFS.client().add(uniqueDocument(), V0, false);
        assertThat(IPFS.client().isPinned(cid)).isFalse();

        IPFS.client().pin(cid);

        assertThat(IPFS.client().isPinned(cid)).isTrue();
    }

    @Test
    void statReportsTheFileSizeAndLinks() {
        byte[] document = new byte[UnixFsOptions.DEFAULT_CHUNK_SIZE * 2 + 5];
        Cid cid = IPFS.client().add(document, V0, false);

        IpfsStat stat = IPFS.client().stat(cid);

        assertThat(stat.cid()).isEqualTo(cid);
        assertThat(stat.size()).isEqualTo(document.length);
        assertThat(stat.blocks()).isEqualTo(3);
        assertThat(stat.cumulativeSize()).isGreaterThan(document.length);
    }

    @Test
    void addExpectingACidUploadsWhenTheDocumentHasIt() {
        byte[] document = uniqueDocument();
        Cid promised = Cid.ofRawSha256(Multihash.newSha256().digest(document));

        assertThat(IPFS.client().add(document, promised, true)).isEqualTo(promised);
        assertThat(IPFS.client().isPinned(promised)).isTrue();
    }

    @Test
    void addExpectingAnotherCidIsAMismatchAndUploadsNothing() {
        byte[] document = uniqueDocument();
        byte[] other = uniqueDocument();
        Cid promised = UnixFs.cidOf(other, V1);

        assertThatThrownBy(() -> IPFS.client().add(document, promised, true))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CID_MISMATCH));
        IpfsClient impatient = new IpfsClient(IpfsClientConfig.of(IPFS.apiUrl()).withTimeout(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> impatient.cat(UnixFs.cidOf(document, V1)))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void catOfACidTheOfflineNodeLacksTimesOutInsteadOfHanging() {
        IpfsClient impatient = new IpfsClient(IpfsClientConfig.of(IPFS.apiUrl()).withTimeout(Duration.ofSeconds(1)));
        Cid unknown = UnixFs.cidOf(uniqueDocument(), V0);

        assertThatThrownBy(() -> impatient.cat(unknown))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void pinOfACidTheOfflineNodeLacksTimesOut() {
        IpfsClient impatient = new IpfsClient(IpfsClientConfig.of(IPFS.apiUrl()).withTimeout(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> impatient.pin(UnixFs.cidOf(uniqueDocument(), V0)))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void documentAboveMaxSizeIsRefusedBeforeUpload() {
        IpfsClient small = new IpfsClient(IpfsClientConfig.of(IPFS.apiUrl()).withMaxSize(10));

        assertThatThrownBy(() -> small.add(new byte[11], V0, true))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OVERSIZED));
    }

    @Test
    void catOfADocumentAboveMaxSizeIsRefused() {
        Cid cid = IPFS.client().add(new byte[100], V0, false);
        IpfsClient small = new IpfsClient(IpfsClientConfig.of(IPFS.apiUrl()).withMaxSize(99));

        assertThatThrownBy(() -> small.cat(cid))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OVERSIZED));
    }

    @Test
    void nodeNobodyListensOnIsUnreachable() {
        IpfsClient client = new IpfsClient(IpfsClientConfig.of("http://127.0.0.1:" + PeerProcess.freeLoopbackPort()));

        assertThatThrownBy(() -> client.add(uniqueDocument(), V0, true))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }

    @Test
    void serverAnsweringHtmlInsteadOfJsonIsGarbage() {
        try (LoopbackHttpServer proxy = new LoopbackHttpServer(exchange -> LoopbackHttpServer.answer(exchange, 200, "<html>hi</html>"))) {
            IpfsClient client = new IpfsClient(IpfsClientConfig.of(proxy.url()));

            assertThatThrownBy(() -> client.add(uniqueDocument(), V0, true))
                    .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.GARBAGE));
        }
    }

    @Test
    void answerWithoutHashIsGarbage() {
        try (LoopbackHttpServer proxy = new LoopbackHttpServer(exchange -> LoopbackHttpServer.answer(exchange, 200, "{\"Name\":\"x\"}"))) {
            IpfsClient client = new IpfsClient(IpfsClientConfig.of(proxy.url()));

            assertThatThrownBy(() -> client.add(uniqueDocument(), V0, true))
                    .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.GARBAGE))
                    .hasMessageContaining("without a Hash");
        }
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        try (LoopbackHttpServer silent = new LoopbackHttpServer(exchange -> LoopbackHttpServer.hang(Duration.ofSeconds(10)))) {
            IpfsClient client = new IpfsClient(IpfsClientConfig.of(silent.url()).withTimeout(Duration.ofMillis(200)));

            assertThatThrownBy(client::id)
                    .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        }
    }

    @Test
    void httpErrorCarriesTheNodesMessageButNeverTheCredential() {
        String[] received = new String[1];
        try (LoopbackHttpServer denying = new LoopbackHttpServer(exchange -> {
            received[0] = exchange.getRequestHeaders().getFirst("Authorization");
            LoopbackHttpServer.answer(exchange, 403, "{\"Message\":\"not allowed\",\"Code\":0,\"Type\":\"error\"}");
        })) {
            IpfsClient client = new IpfsClient(IpfsClientConfig.of(denying.url()).withAuthHeader("Authorization", "Bearer s3cret-token"));

            assertThatThrownBy(client::id)
                    .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR))
                    .hasMessageContaining("HTTP 403: not allowed")
                    .hasMessageNotContaining("s3cret-token");
            assertThat(received[0]).isEqualTo("Bearer s3cret-token");
            assertThat(client.config().toString()).doesNotContain("s3cret-token").contains("Authorization: ***");
        }
    }
}
