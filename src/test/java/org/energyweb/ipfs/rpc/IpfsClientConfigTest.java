package org.energyweb.ipfs.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class IpfsClientConfigTest {

    @Test
    void plainHttpToARemoteNodeIsRefusedWithAClearError() {
        assertThatThrownBy(() -> IpfsClientConfig.of("http://ipfs.example.org:5001"))
                .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.reason()).isEqualTo(IpfsException.Reason.CONFIGURATION))
                .hasMessageContaining("refusing plain HTTP to ipfs.example.org")
                .hasMessageContaining("allowInsecure");
    }

    @Test
    void plainHttpToARemoteNodeIsAllowedWhenTheUserOptsOut() {
        IpfsClientConfig config = new IpfsClientConfig(URI.create("http://10.0.0.7:5001"), null, null, null, null, true,
                IpfsClientConfig.DEFAULT_MAX_SIZE);

        assertThat(config.allowInsecure()).isTrue();
    }

    @Test
    void httpsAndLoopbackNeedNoOptOut() {
        assertThat(IpfsClientConfig.of("https://ipfs.example.org").apiUrl().getHost()).isEqualTo("ipfs.example.org");
        assertThat(IpfsClientConfig.of("http://127.0.0.1:5001").apiUrl().getPort()).isEqualTo(5001);
        assertThat(IpfsClientConfig.of("http://localhost:5001").apiUrl().getHost()).isEqualTo("localhost");
        assertThat(IpfsClientConfig.of("http://[::1]:5001").apiUrl().getHost()).isEqualTo("[::1]");
    }

    @Test
    void aHostNameThatMerelyStartsLikeLoopbackIsNotLoopback() {
        assertThatThrownBy(() -> IpfsClientConfig.of("http://127.0.0.1.example.org:5001")).isInstanceOf(IpfsException.class);
        assertThatThrownBy(() -> IpfsClientConfig.of("http://localhost.example.org:5001")).isInstanceOf(IpfsException.class);
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThatThrownBy(() -> IpfsClientConfig.of("https://user:pass@ipfs.example.org"))
                .hasMessageContaining("authHeader")
                .hasMessageNotContaining("pass");
    }
}
