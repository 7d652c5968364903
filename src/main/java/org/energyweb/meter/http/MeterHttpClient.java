package org.energyweb.meter.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Objects;

/**
 * GETs from a meter API and returns the body of a 2xx response; every other outcome (timeout,
 * refused connection, redirect, 4xx, 5xx) is a {@link org.energyweb.reading.MeterFaultException} with the reason and the
 * body received, so a failure can never be mistaken for a reading.
 */
public final class MeterHttpClient {

    private final HttpSourceSettings settings;
    private final FaultReporter faults;
    private final HttpClient client;

    public MeterHttpClient(HttpSourceSettings settings, FaultReporter faults) {
        this.settings = settings;
        this.faults = faults;
        // Redirects are not followed: they would carry the credentials to wherever the server points.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpSourceSettings settings() {
        return settings;
    }

    public FaultReporter faults() {
        return faults;
    }

    /** The body of a successful GET of {@code uri}, which must be on the configured host. */
    public byte[] get(URI uri, String accept) {
        requireSameOrigin(uri);
        HttpRequest request = settings.credentials().applyTo(HttpRequest.newBuilder(uri))
                .timeout(settings.requestTimeout())
                .header("Accept", accept)
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw faults.unreachable("timeout: no connection to " + origin(uri) + " within " + settings.connectTimeout(), e);
        } catch (HttpTimeoutException e) {
            throw faults.unreachable("timeout: no response from " + uri + " within " + settings.requestTimeout(), e);
        } catch (ConnectException e) {
            throw faults.unreachable("connection refused by " + origin(uri) + " (" + e + ")", e);
        } catch (IOException e) {
            throw faults.unreachable("HTTP request to " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw faults.fault("interrupted while reading " + uri, null, e);
        }
        return bodyOf(uri, response);
    }

    private byte[] bodyOf(URI uri, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        byte[] body = response.body();
        if (status >= 200 && status < 300) {
            return body;
        }
        String reason = switch (status) {
            case 401 -> "authentication failed (HTTP 401 Unauthorized) at " + uri + " using " + settings.credentials();
            case 403 -> "authentication failed (HTTP 403 Forbidden: not allowed) at " + uri + " using " + settings.credentials();
            default -> status >= 500 ? "server error HTTP " + status + " from " + uri
                    : status >= 400 ? "client error HTTP " + status + " from " + uri
                    : "unexpected HTTP " + status + " from " + uri + " (redirects are not followed)";
        };
        throw faults.fault(reason, body);
    }

    private void requireSameOrigin(URI uri) {
        URI base = settings.baseUri();
        if (!Objects.equals(origin(uri), origin(base))) {
            throw faults.fault("refusing to follow a link to " + origin(uri) + ": it leaves the configured API " + origin(base), null);
        }
    }

    private static String origin(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
