package org.energyweb.fleet.gateway;

import org.energyweb.remote.Loopback;
import java.util.Arrays;
import java.util.Locale;

/**
 * The rule for the link to the Kafka cluster: readings and credentials cross it, so plain text
 * (security protocol PLAINTEXT or SASL_PLAINTEXT) is accepted only when every bootstrap server is a
 * loopback address, or when the operator opted out explicitly.
 */
public final class KafkaTransport {

    private KafkaTransport() {
    }

    /** Throws when {@code securityProtocol} is unencrypted towards a broker that is not on loopback and insecure was not allowed. */
    public static void check(String brokers, String securityProtocol, boolean allowInsecure) {
        String protocol = securityProtocol == null ? "PLAINTEXT" : securityProtocol.trim().toUpperCase(Locale.ROOT);
        if (allowInsecure || protocol.startsWith("SSL") || protocol.equals("SASL_SSL")) {
            return;
        }
        String remote = Arrays.stream(brokers.split(",")).map(String::trim).filter(broker -> !Loopback.isLoopback(host(broker)))
                .findFirst().orElse(null);
        if (remote != null) {
            throw new IllegalArgumentException("security protocol " + protocol + " sends readings unencrypted to " + remote
                    + ": use SSL or SASL_SSL, or set allowInsecure to accept that");
        }
    }

    private static String host(String broker) {
        int colon = broker.lastIndexOf(':');
        String host = colon > 0 ? broker.substring(0, colon) : broker;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
