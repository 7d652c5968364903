package org.energyweb.chain.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the endpoints anchoring from an outbox of their own (merkle-anchor:, checkpoint-anchor:) check alike. */
class ContractAnchorEndpointTest {

    private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    @Test
    void anAnchorEndpointWithoutRpcUrlAndKeystoreIsRefusedWhenTheRouteIsCreated() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            for (String scheme : new String[] {"merkle-anchor", "checkpoint-anchor"}) {
                assertThatThrownBy(() -> camel.getEndpoint(scheme + ":" + CONTRACT + "?ipfsApiUrl=http://127.0.0.1:5001"))
                        .as(scheme).hasStackTraceContaining(scheme + " needs the anchor contract address as path and rpcUrl and keystore");
            }
        }
    }

    @Test
    void anAnchorEndpointOnlyAnchorsAndStartsNoRoute(@TempDir Path keys) throws Exception {
        String signing = "?rpcUrl=http://127.0.0.1:8545&keystore=" + keys.resolve("key.json") + "&ipfsApiUrl=http://127.0.0.1:5001";
        try (CamelContext camel = new DefaultCamelContext()) {
            for (String scheme : new String[] {"merkle-anchor", "checkpoint-anchor"}) {
                ContractAnchorEndpoint<?> endpoint = camel.getEndpoint(scheme + ":" + CONTRACT + signing, ContractAnchorEndpoint.class);
                assertThatThrownBy(() -> endpoint.createConsumer(exchange -> { }))
                        .as(scheme).hasMessageStartingWith(scheme + ": only anchors; it works from ");
            }
        }
    }
}
