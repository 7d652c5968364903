package org.energyweb.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The one rule for "is this remote on this machine", which decides whether plain text (http, tcp,
 * Kafka PLAINTEXT) may be used without the explicit {@code allowInsecure} opt-out.
 *
 * <p>Only {@code localhost} and literal loopback addresses count. A host name is never resolved to
 * decide on security: what it resolves to can change after the check (DNS rebinding), and a lookup
 * would make starting a route depend on a name server.
 */
public final class Loopback {

    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private Loopback() {
    }

    /** True for {@code localhost}, {@code 127.x.y.z} and {@code ::1}, bracketed or not; false for every name and for null. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!LITERAL.matcher(bare).matches()) {
            return false;
        }
        try {
            // a literal is parsed, not looked up
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
