package org.energyweb.meter.mqtt;

import org.energyweb.remote.Loopback;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for the link to an MQTT broker: readings and the broker password cross it, so an
 * unencrypted scheme (tcp://, mqtt://, ws://) is accepted only to a broker on this machine, or when the
 * operator opted out explicitly; ssl:// and wss:// are always accepted.
 */
public final class BrokerTransport {

    private static final Set<String> ENCRYPTED = Set.of("ssl", "wss");

    private BrokerTransport() {
    }

    /** Throws, naming the broker and the opt-out, when {@code brokerUrl} is unencrypted towards another machine and insecure was not allowed. */
    public static void check(String brokerUrl, boolean allowInsecure) {
        URI uri;
        try {
            uri = URI.create(brokerUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker URL is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (allowInsecure || ENCRYPTED.contains(scheme) || Loopback.isLoopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException("refusing unencrypted MQTT (" + scheme + "://) to " + uri.getHost()
                + ": use ssl://, or set allowInsecure=true (--allow-insecure) if this network is trusted"
                + " (readings and the broker password would travel in clear)");
    }
}
