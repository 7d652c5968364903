package org.energyweb.remote;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The breaker gauge's remote label names a remote without anything a URL may hide a secret in. */
class BreakerGaugeTest {

    @Test
    void aRemoteIsLabelledWithItsUrlsCutToHostAndPort() {
        assertThat(BreakerGauge.label("RPC node https://mainnet.example.org/v3/0123456789abcdef")).isEqualTo("RPC node mainnet.example.org");
        assertThat(BreakerGauge.label("meter m1 (http://user:pw@127.0.0.1:8080/api?key=s3cret)")).isEqualTo("meter m1 (127.0.0.1:8080)");
        assertThat(BreakerGauge.label("meter m2 (modbus:127.0.0.1:502/1)")).isEqualTo("meter m2 (modbus:127.0.0.1:502/1)");
    }
}
