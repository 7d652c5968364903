package org.energyweb.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void localhostAndLiteralLoopbackAddressesAreLoopback(String host) {
        assertThat(Loopback.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "192.0.2.1", "[2001:db8::1]", "::", "0.0.0.0", "127.example.com", "localhost.example.com",
            "broker.example", "", "[::1"})
    void otherAddressesAndEveryNameAreNot(String host) {
        assertThat(Loopback.isLoopback(host)).isFalse();
    }

    @Test
    void noHostIsNotLoopback() {
        assertThat(Loopback.isLoopback(null)).isFalse();
    }
}
