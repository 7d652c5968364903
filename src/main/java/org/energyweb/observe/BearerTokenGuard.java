package org.energyweb.observe;

import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.SimpleAuthenticationHandler;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request to the management port through only with {@code Authorization: Bearer <token>}.
 * It goes into the server's own authentication configuration (camel-platform-http-vertx), which the
 * server applies to its router before it listens: no request is ever answered unguarded.
 */
final class BearerTokenGuard {

    private static final String SCHEME = "Bearer ";

    private BearerTokenGuard() {
    }

    /** Guards every path of the server configured by {@code server}, which must not have started yet. */
    static void install(VertxPlatformHttpServerConfiguration server, String token) {
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        AuthenticationConfig.AuthenticationConfigEntry entry = new AuthenticationConfig.AuthenticationConfigEntry();
        entry.setPath("/*");
        entry.setAuthenticationProviderFactory(vertx -> tokenProvider(expected));
        entry.setAuthenticationHandlerFactory(new AuthenticationConfig.AuthenticationHandlerFactory() {
            @Override
            public <T extends AuthenticationProvider> AuthenticationHandler createAuthenticationHandler(T provider) {
                return SimpleAuthenticationHandler.create().authenticate(request -> authenticate(request, provider));
            }
        });
        AuthenticationConfig authentication = server.getAuthenticationConfig();
        authentication.getEntries().add(entry);
        authentication.setEnabled(true);
    }

    private static AuthenticationProvider tokenProvider(byte[] expected) {
        return (credentials, result) -> {
            String given = credentials.getString("token");
            // Constant-time, so the token cannot be guessed from response times.
            if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                result.handle(Future.succeededFuture(User.fromName("management")));
            } else {
                result.handle(Future.failedFuture(new HttpException(401)));
            }
        };
    }

    private static Future<User> authenticate(RoutingContext request, AuthenticationProvider provider) {
        String header = request.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Future.failedFuture(new HttpException(401));
        }
        return provider.authenticate(new TokenCredentials(header.substring(SCHEME.length())));
    }
}
