package org.energyweb.observe;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * A remote node the gateway hands readings to (the IPFS node, the chain's RPC node), probed when
 * health is asked. Readings are still ledgered while it is away (the outbox keeps them), so the
 * process stays live; but it is not ready, and the message names the node and why.
 */
final class RemoteNodeHealthCheck extends AbstractHealthCheck {

    private final String node;
    private final NodeProbe probe;

    /**
     * @param id   the check's id, e.g. {@code ipfs-node-127.0.0.1:5001}
     * @param node what the node is and where, for messages: {@code IPFS node http://127.0.0.1:5001}
     */
    RemoteNodeHealthCheck(String id, String node, NodeProbe probe) {
        super("energyweb", id);
        this.node = node;
        this.probe = probe;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("node", node);
        try {
            builder.message(node + " reachable: " + probe.probe()).up();
        } catch (Exception e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            builder.message(node + " unreachable: " + reason).down();
        }
    }
}
