package org.energyweb.observe;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Lets a request to the management port through only with {@code Authorization: Bearer <token>}. */
final class BearerTokenGuard implements Handler<RoutingContext> {

    private final byte[] expected;

    BearerTokenGuard(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext request) {
        String given = request.request().getHeader("Authorization");
        // Constant-time, so the token cannot be guessed from response times.
        if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            request.next();
        } else {
            request.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"energyweb\"")
                    .end("a bearer token is required\n");
        }
    }
}
