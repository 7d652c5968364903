package org.energyweb.chain.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.remote.camel.BreakerOptions;

import java.time.Duration;

/** The EVM node an endpoint talks to: the options every chain endpoint shares. */
@UriParams
public class RpcConnection extends BreakerOptions {

    @UriParam(description = "JSON-RPC URL of the EVM node. A URL that is not on this machine must be https unless allowInsecure is set")
    @Metadata(required = true)
    private String rpcUrl;

    @UriParam(label = "security", defaultValue = "false",
            description = "Accept a plain-http RPC URL to another machine (node answers could be forged on the way)")
    private boolean allowInsecure;

    @UriParam(label = "advanced", defaultValue = "10000", description = "Milliseconds to wait for the node to answer one request")
    private long rpcTimeout = 10_000;

    /** A client for the node, its breaker shown by {@code context}'s gateway; refuses plain http to another machine unless allowed. */
    public JsonRpcClient connect(CamelContext context) {
        if (rpcUrl == null || rpcUrl.isBlank()) {
            throw new IllegalArgumentException("rpcUrl is required");
        }
        return JsonRpcClient.connect(rpcUrl, allowInsecure, Duration.ofMillis(rpcTimeout), breakerSettings(context));
    }

    public String getRpcUrl() {
        return rpcUrl;
    }

    public void setRpcUrl(String rpcUrl) {
        this.rpcUrl = rpcUrl;
    }

    public boolean isAllowInsecure() {
        return allowInsecure;
    }

    public void setAllowInsecure(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public long getRpcTimeout() {
        return rpcTimeout;
    }

    public void setRpcTimeout(long rpcTimeout) {
        this.rpcTimeout = rpcTimeout;
    }
}
