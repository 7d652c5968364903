package org.energyweb.chain.rpc;

import org.energyweb.peers.AnvilPeer;
import org.energyweb.remote.BreakerSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The JSON-RPC client's circuit breaker, against a real anvil node that is stopped and started again. */
class JsonRpcClientCircuitBreakerTest {

    @Test
    void afterTheThresholdOfUnreachableRequestsRequestsFailAtOnceNamingTheNode() {
        try (AnvilPeer anvil = AnvilPeer.automine()) {
            Eth eth = new Eth(JsonRpcClient.connect(anvil.url(), false, Duration.ofSeconds(5), BreakerSettings.of(3, 600_000)));
            eth.blockNumber();
            anvil.stop();
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(eth::blockNumber).isInstanceOf(RpcUnreachableException.class)
                        .hasMessageStartingWith("RPC node " + anvil.url() + " unreachable: ");
            }
            assertThatThrownBy(eth::blockNumber).isInstanceOf(RpcUnreachableException.class)
                    .hasMessage("RPC node " + anvil.url() + " unreachable; circuit open, next try in 600s");

            anvil.start();
            assertThatThrownBy(eth::blockNumber).as("the node is back, but the circuit stays open for its whole duration")
                    .isInstanceOf(RpcUnreachableException.class).hasMessageContaining("circuit open");
        }
    }

    @Test
    void aTrialRequestAfterTheOpenDurationClosesTheCircuitOnceTheNodeIsBack() {
        try (AnvilPeer anvil = AnvilPeer.automine()) {
            Eth eth = new Eth(JsonRpcClient.connect(anvil.url(), false, Duration.ofSeconds(5), BreakerSettings.of(2, 200)));
            anvil.stop();
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(eth::blockNumber).isInstanceOf(RpcUnreachableException.class);
            }
            anvil.start();

            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> eth.blockNumber() >= 0);
            assertThat(eth.chainId()).isEqualTo(AnvilPeer.CHAIN_ID);
        }
    }

    @Test
    void errorsTheNodeAnswersWithDoNotOpenTheCircuit() {
        try (AnvilPeer anvil = AnvilPeer.automine()) {
            JsonRpcClient rpc = JsonRpcClient.connect(anvil.url(), false, Duration.ofSeconds(5), BreakerSettings.of(2, 600_000));
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> rpc.callAndWait("energyweb_noSuchMethod")).isInstanceOf(RpcException.class);
            }

            assertThat(new Eth(rpc).blockNumber()).isNotNegative();
        }
    }
}
