package org.energyweb.chain.camel;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.remote.BreakerSettings;

import java.time.Duration;

/** The node and the contract an endpoint talks to: the options {@code origin:} and {@code origin-events:} share. */
@UriParams
public class ContractConnection {

    @UriParam(description = "JSON-RPC URL of the EVM node. A URL that is not on this machine must be https unless allowPlainHttp is set")
    @Metadata(required = true)
    private String rpcUrl;

    @UriParam(description = "Address of the contract")
    @Metadata(required = true)
    private String contract;

    @UriParam(label = "security", defaultValue = "false",
            description = "Accept a plain-http RPC URL to another machine (node answers could be forged on the way)")
    private boolean allowPlainHttp;

    @UriParam(label = "advanced", defaultValue = "10000", description = "Milliseconds to wait for the node to answer one request")
    private long rpcTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "5", description = "Consecutive requests that find the node unreachable (no"
            + " connection, no answer, not JSON-RPC) before its circuit opens: requests then fail at once, without touching the"
            + " network, until breakerOpenDuration has passed and a trial request gets through")
    private int breakerFailureThreshold = BreakerSettings.DEFAULT_FAILURE_THRESHOLD;

    @UriParam(label = "advanced", defaultValue = "10000", description = "Milliseconds an open circuit fails requests at once"
            + " before it lets one trial request through; the circuit closes when that request succeeds")
    private long breakerOpenDuration = BreakerSettings.DEFAULT_OPEN_MILLIS;

    /** A client for the node; refuses plain http to another machine unless allowed. */
    JsonRpcClient connect() {
        if (rpcUrl == null || contract == null) {
            throw new IllegalArgumentException("rpcUrl and contract are required");
        }
        return JsonRpcClient.connect(rpcUrl, allowPlainHttp, Duration.ofMillis(rpcTimeout),
                BreakerSettings.of(breakerFailureThreshold, breakerOpenDuration));
    }

    public String getRpcUrl() {
        return rpcUrl;
    }

    public void setRpcUrl(String rpcUrl) {
        this.rpcUrl = rpcUrl;
    }

    public String getContract() {
        return contract;
    }

    public void setContract(String contract) {
        this.contract = contract;
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public long getRpcTimeout() {
        return rpcTimeout;
    }

    public void setRpcTimeout(long rpcTimeout) {
        this.rpcTimeout = rpcTimeout;
    }

    public int getBreakerFailureThreshold() {
        return breakerFailureThreshold;
    }

    public void setBreakerFailureThreshold(int breakerFailureThreshold) {
        this.breakerFailureThreshold = breakerFailureThreshold;
    }

    public long getBreakerOpenDuration() {
        return breakerOpenDuration;
    }

    public void setBreakerOpenDuration(long breakerOpenDuration) {
        this.breakerOpenDuration = breakerOpenDuration;
    }
}
