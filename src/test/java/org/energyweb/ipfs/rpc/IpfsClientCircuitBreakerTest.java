package org.energyweb.ipfs.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsException.Reason;
import org.energyweb.remote.BreakerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IPFS client's circuit breaker, against a real js-ipfs node that is stopped and started again,
 * and plain HTTP servers that count what reaches them.
 */
class IpfsClientCircuitBreakerTest {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @Test
    void afterTheThresholdOfUnreachableCallsCallsFailAtOnceNamingTheNode() {
        IpfsClient client = new IpfsClient(IpfsClientConfig.of(IPFS.apiUrl()), BreakerSettings.of(3, 600_000));
        IPFS.stop();
        try {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(client::id).isInstanceOfSatisfying(IpfsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
            }
            assertThatThrownBy(client::id)
                    .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN))
                    .hasMessage("CIRCUIT_OPEN: IPFS node " + IPFS.apiUrl() + " unreachable; circuit open, next try in 600s");
        } finally {
            IPFS.start();
        }
        assertThatThrownBy(client::id).as("the node is back, but the circuit stays open for its whole duration")
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
    }

    @Test
    void aTrialCallAfterTheOpenDurationClosesTheCircuitOnceTheNodeIsBack() {
        IpfsClient client = new IpfsClient(IpfsClientConfig.of(IPFS.apiUrl()), BreakerSettings.of(2, 200));
        IPFS.stop();
        try {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(client::id).isInstanceOf(IpfsException.class);
            }
        } finally {
            IPFS.start();
        }

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> client.id() != null);
        byte[] document = ("{\"meter\":\"" + UUID.randomUUID() + "\"}").getBytes(UTF_8);
        assertThat(client.add(document, UnixFsOptions.forCidVersion(1), true)).isNotNull();
    }

    @Test
    void whileTheCircuitIsOpenNoRequestReachesTheNode() {
        AtomicInteger requests = new AtomicInteger();
        try (LoopbackHttpServer hung = new LoopbackHttpServer(exchange -> {
            requests.incrementAndGet();
            LoopbackHttpServer.hang(Duration.ofSeconds(10));
        })) {
            IpfsClient client = new IpfsClient(IpfsClientConfig.of(hung.url()).withTimeout(Duration.ofMillis(200)), BreakerSettings.of(2, 600_000));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(client::id).isInstanceOfSatisfying(IpfsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
            }
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(client::id).isInstanceOfSatisfying(IpfsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
            }

            assertThat(requests).hasValue(2);
        }
    }

    @Test
    void errorsTheNodeAnswersWithDoNotOpenTheCircuit() {
        AtomicInteger requests = new AtomicInteger();
        try (LoopbackHttpServer failing = new LoopbackHttpServer(exchange -> {
            requests.incrementAndGet();
            LoopbackHttpServer.answer(exchange, 500, "{\"Message\":\"datastore closed\",\"Code\":0,\"Type\":\"error\"}");
        })) {
            IpfsClient client = new IpfsClient(IpfsClientConfig.of(failing.url()), BreakerSettings.of(2, 600_000));
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(client::id).isInstanceOfSatisfying(IpfsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR));
            }

            assertThat(requests).hasValue(6);
        }
    }
}
