package org.energyweb.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The circuit breakers of one gateway and their gauge {@code energyweb_breaker_state{remote}}: 0 closed, 1 open,
 * 2 half-open, one series per remote in the gateway's own meter registry. A board belongs to one gateway (Camel keeps
 * one per CamelContext, {@link org.energyweb.remote.camel.BreakerOptions#board}), so two gateways in one JVM never
 * show each other's breakers. A remote's breaker made anew (a route restarted) takes over its series.
 */
public final class BreakerBoard {

    /** The board of breakers made outside a gateway (the CLI, a client on its own): nothing shows them. */
    public static final BreakerBoard NONE = new BreakerBoard(null);

    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s)]+");

    private final MeterRegistry registry;
    private final Map<String, RemoteBreaker> current = new ConcurrentHashMap<>();

    /** @param registry where the gauges go; null for a gateway without metrics */
    public BreakerBoard(MeterRegistry registry) {
        this.registry = registry;
    }

    void track(RemoteBreaker breaker) {
        if (registry == null) {
            return;
        }
        String remote = label(breaker.remote());
        if (current.put(remote, breaker) == null) {
            Gauge.builder("energyweb.breaker.state", () -> value(current.get(remote).state()))
                    .description("Circuit breaker of a remote (IPFS node, chain RPC node, meter): 0 closed, 1 open, 2 half-open")
                    .tag("remote", remote).register(registry);
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
