package org.energyweb.ipfs.rpc;

import org.energyweb.remote.Loopback;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how to reach a node's Kubo RPC API.
 *
 * @param apiUrl         base URL of the RPC API, e.g. {@code http://127.0.0.1:5001}
 * @param connectTimeout how long to wait for a TCP connection
 * @param timeout        how long one call may take; also sent to the node as {@code timeout=} on cat and pin,
 *                       because an offline node waits forever for a CID it does not have
 * @param authHeaderName name of the header carrying the credential, usually {@code Authorization}
 * @param authHeader     the credential (e.g. {@code Basic ...}); never logged, never in an exception
 * @param allowInsecure  permit plain HTTP to a node that is not on loopback
 * @param maxSize        largest document added or read, in bytes
 */
public record IpfsClientConfig(URI apiUrl, Duration connectTimeout, Duration timeout, String authHeaderName, String authHeader,
                               boolean allowInsecure, long maxSize) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_SIZE = 64L * 1024 * 1024;
    public static final String DEFAULT_AUTH_HEADER_NAME = "Authorization";

    public IpfsClientConfig {
        if (apiUrl == null || apiUrl.getHost() == null) {
            throw new IpfsException(IpfsException.Reason.CONFIGURATION, "the IPFS API URL needs a host, e.g. http://127.0.0.1:5001");
        }
        String scheme = String.valueOf(apiUrl.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IpfsException(IpfsException.Reason.CONFIGURATION, "the IPFS API URL must be http or https: " + apiUrl);
        }
        if (scheme.equals("http") && !allowInsecure && !Loopback.isLoopback(apiUrl.getHost())) {
            throw new IpfsException(IpfsException.Reason.CONFIGURATION, "refusing plain HTTP to " + apiUrl.getHost()
                    + ": use https, a node on loopback, or set allowInsecure=true explicitly");
        }
        if (apiUrl.getUserInfo() != null) {
            throw new IpfsException(IpfsException.Reason.CONFIGURATION, "put credentials in authHeader, not in the API URL");
        }
        if (maxSize < 0) {
            throw new IpfsException(IpfsException.Reason.CONFIGURATION, "maxSize must not be negative");
        }
        connectTimeout = connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT;
        timeout = timeout != null ? timeout : DEFAULT_TIMEOUT;
        authHeaderName = authHeaderName != null ? authHeaderName : DEFAULT_AUTH_HEADER_NAME;
    }

    /** Defaults for everything but the URL. */
    public static IpfsClientConfig of(String apiUrl) {
        return new IpfsClientConfig(URI.create(apiUrl), null, null, null, null, false, DEFAULT_MAX_SIZE);
    }

    public IpfsClientConfig withTimeout(Duration value) {
        return new IpfsClientConfig(apiUrl, connectTimeout, value, authHeaderName, authHeader, allowInsecure, maxSize);
    }

    public IpfsClientConfig withMaxSize(long value) {
        return new IpfsClientConfig(apiUrl, connectTimeout, timeout, authHeaderName, authHeader, allowInsecure, value);
    }

    public IpfsClientConfig withAuthHeader(String name, String value) {
        return new IpfsClientConfig(apiUrl, connectTimeout, timeout, name, value, allowInsecure, maxSize);
    }

    public Optional<String> auth() {
        return Optional.ofNullable(authHeader).filter(value -> !value.isBlank());
    }

    /** Only literal loopback addresses and "localhost": no DNS lookup decides whether TLS is needed. */
    /** Without the credential, so the record can be logged. */
    @Override
    public String toString() {
        return "IpfsClientConfig[apiUrl=" + apiUrl + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout
                + ", auth=" + (auth().isPresent() ? authHeaderName + ": ***" : "none") + ", allowInsecure=" + allowInsecure
                + ", maxSize=" + maxSize + "]";
    }
}
