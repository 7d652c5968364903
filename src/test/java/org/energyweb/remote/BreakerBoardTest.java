package org.energyweb.remote;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The breaker board's remote label names a remote without anything a URL may hide a secret in. */
class BreakerBoardTest {

    @Test
    void aRemoteIsLabelledWithItsUrlsCutToHostAndPort() {
        assertThat(BreakerBoard.label("RPC node https://mainnet.example.org/v3/0123456789abcdef")).isEqualTo("RPC node mainnet.example.org");
        assertThat(BreakerBoard.label("meter m1 (http://user:pw@127.0.0.1:8080/api?key=s3cret)")).isEqualTo("meter m1 (127.0.0.1:8080)");
        assertThat(BreakerBoard.label("meter m2 (modbus:127.0.0.1:502/1)")).isEqualTo("meter m2 (modbus:127.0.0.1:502/1)");
    }
}
