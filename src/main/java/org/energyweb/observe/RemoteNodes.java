package org.energyweb.observe;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheck;
import org.energyweb.batch.camel.MerkleAnchorEndpoint;
import org.energyweb.chain.camel.OriginEndpoint;
import org.energyweb.ipfs.camel.IpfsEndpoint;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The remote nodes a running gateway talks to, found in its endpoints (the routes, kamelets
 * included, decide them, so nothing is configured twice): every IPFS node and chain RPC node,
 * each once however many endpoints use it, with a health check each.
 */
final class RemoteNodes {

    private RemoteNodes() {
    }

    static List<HealthCheck> healthChecks(CamelContext context, NodeProbes probes) {
        Set<String> ipfsNodes = new LinkedHashSet<>();
        Set<String> chainNodes = new LinkedHashSet<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof IpfsEndpoint ipfs) {
                ipfsNodes.add(ipfs.getConfiguration().getApiUrl());
            } else if (endpoint instanceof OriginEndpoint origin) {
                chainNodes.add(origin.getConfiguration().getRpcUrl());
            } else if (endpoint instanceof MerkleAnchorEndpoint merkle) {
                chainNodes.add(merkle.getConnection().getRpcUrl());
                if (merkle.getIpfsApiUrl() != null) {
                    ipfsNodes.add(merkle.getIpfsApiUrl());
                }
            }
        }
        List<HealthCheck> checks = new ArrayList<>();
        ipfsNodes.stream().filter(url -> url != null && !url.isBlank()).forEach(url ->
                checks.add(new RemoteNodeHealthCheck("ipfs-node-" + hostAndPort(url), "IPFS node " + hostAndPort(url), probes.ipfs(url))));
        chainNodes.stream().filter(url -> url != null && !url.isBlank()).forEach(url ->
                checks.add(new RemoteNodeHealthCheck("chain-node-" + hostAndPort(url), "chain RPC node " + hostAndPort(url), probes.chain(url))));
        return checks;
    }

    /**
     * Host and port only: a URL may carry credentials or an API key in its path or query, never shown.
     * (No scheme either: Camel's health JSON escapes the slashes of a URL twice, which makes it unreadable.)
     */
    private static String hostAndPort(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
