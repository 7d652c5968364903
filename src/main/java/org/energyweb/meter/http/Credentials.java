package org.energyweb.meter.http;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a source proves who it is to a meter API: HTTP Basic, an {@code X-API-Key} header, or nothing.
 * The secret only ever leaves this class as a request header; {@link #toString()} names the kind,
 * never the secret, so credentials cannot end up in a log line or an exception message.
 */
public final class Credentials {

    private static final Credentials NONE = new Credentials("none", null, null);

    private final String kind;
    private final String headerName;
    private final String headerValue;

    private Credentials(String kind, String headerName, String headerValue) {
        this.kind = kind;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    public static Credentials none() {
        return NONE;
    }

    public static Credentials basic(String user, String password) {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic auth user name must be non-empty and free of ':'");
        }
        String token = Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        return new Credentials("basic auth as " + user, "Authorization", "Basic " + token);
    }

    public static Credentials apiKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key must not be empty");
        }
        return new Credentials("X-API-Key", "X-API-Key", key);
    }

    /**
     * The credentials a user configured: an API key wins when given, then a user name for Basic
     * auth, otherwise none. Blank values count as not given (kamelet properties default to "").
     */
    public static Credentials fromSettings(String user, String password, String apiKey) {
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey(apiKey);
        }
        if (user != null && !user.isBlank()) {
            return basic(user, password);
        }
        return none();
    }

    HttpRequest.Builder applyTo(HttpRequest.Builder request) {
        return headerName == null ? request : request.header(headerName, headerValue);
    }

    @Override
    public String toString() {
        return kind;
    }
}
