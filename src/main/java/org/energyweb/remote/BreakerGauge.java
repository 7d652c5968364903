package org.energyweb.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code energyweb_breaker_state{remote}}: 0 closed, 1 open, 2 half-open, one series per remote. The
 * breakers live in plain clients (IPFS, JSON-RPC, meters) that know no Camel context, so the gauge goes
 * to Micrometer's global registry, the place libraries publish to; the gateway joins its Prometheus
 * registry to it. A remote's breaker made anew (a route restarted) takes over its series.
 */
final class BreakerGauge {

    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s)]+");
    private static final Map<String, RemoteBreaker> CURRENT = new ConcurrentHashMap<>();

    private BreakerGauge() {
    }

    static void track(RemoteBreaker breaker) {
        String remote = label(breaker.remote());
        if (CURRENT.put(remote, breaker) == null) {
            Gauge.builder("energyweb.breaker.state", () -> value(CURRENT.get(remote).state()))
                    .description("Circuit breaker of a remote (IPFS node, chain RPC node, meter): 0 closed, 1 open, 2 half-open")
                    .tag("remote", remote).register(Metrics.globalRegistry);
        }
    }

    /** The remote's words with every URL cut to its host and port: a path, query or user part may hold a key or password. */
    static String label(String remote) {
        Matcher url = URL.matcher(remote);
        StringBuilder label = new StringBuilder();
        while (url.find()) {
            url.appendReplacement(label, Matcher.quoteReplacement(hostAndPort(url.group())));
        }
        url.appendTail(label);
        return label.toString();
    }

    private static String hostAndPort(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? "(address hidden)" : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "(address hidden)";
        }
    }

    private static double value(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 0;
        };
    }
}
