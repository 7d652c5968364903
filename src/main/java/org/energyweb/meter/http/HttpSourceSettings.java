package org.energyweb.meter.http;

import org.energyweb.remote.Loopback;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how a meter API is reached. Remote endpoints must use https (the original sent
 * readings and passwords in clear text and even disabled certificate checks); plain http is only
 * accepted for loopback addresses or when the user opts out explicitly with {@code allowInsecure}.
 *
 * @param baseUri        the API's base address, without credentials in it
 * @param credentials    how to authenticate
 * @param connectTimeout the longest wait for the TCP/TLS connection
 * @param requestTimeout the longest wait for a whole response
 * @param allowInsecure  accept http to a non-loopback host
 */
public record HttpSourceSettings(URI baseUri, Credentials credentials, Duration connectTimeout, Duration requestTimeout, boolean allowInsecure) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public HttpSourceSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(credentials, "credentials");
        String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUri.getHost() == null) {
            throw new IllegalArgumentException("base URL '" + baseUri + "' must be an absolute http(s) URL with a host");
        }
        if (baseUri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("base URL of host " + baseUri.getHost()
                    + " carries credentials; give them as user/password or apiKey so they are never logged");
        }
        if (scheme.equals("http") && !Loopback.isLoopback(baseUri.getHost()) && !allowInsecure) {
            throw new IllegalArgumentException("refusing plain http to " + baseUri.getHost()
                    + ": use https, or set allowInsecure=true if this network is trusted (readings and credentials would travel unencrypted)");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        // A trailing slash lets relative paths resolve below the base path instead of replacing its last segment.
        if (!baseUri.getRawPath().endsWith("/")) {
            baseUri = URI.create(baseUri.toString() + "/");
        }
    }

    public static HttpSourceSettings of(URI baseUri, Credentials credentials) {
        return new HttpSourceSettings(baseUri, credentials, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, false);
    }

    public HttpSourceSettings withTimeouts(Duration connect, Duration request) {
        return new HttpSourceSettings(baseUri, credentials, connect, request, allowInsecure);
    }

    public HttpSourceSettings withAllowInsecure(boolean allow) {
        return new HttpSourceSettings(baseUri, credentials, connectTimeout, requestTimeout, allow);
    }

    /** A path below the base address, e.g. {@code produced/meter-1?start=...}. */
    public URI resolve(String relative) {
        return baseUri.resolve(relative);
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + timeout);
        }
    }
}
