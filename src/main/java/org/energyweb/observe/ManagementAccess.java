package org.energyweb.observe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Who may reach the management port (health, metrics, status page), decided before it opens. On a
 * loopback address only this machine can, so no token is needed. Any other address exposes readings
 * and the gateway's state to the network: it needs a bearer token and TLS, or the clearly named
 * opt-out {@value #INSECURE}; otherwise the gateway refuses to start and says what to set.
 */
public record ManagementAccess(String host, int port, Optional<String> token, boolean tls, boolean insecureOptOut) {

    public static final String HOST = "camel.management.host";
    public static final String PORT = "camel.management.port";
    public static final String TLS = "camel.management.useGlobalSslContextParameters";
    public static final String TOKEN_FILE = "energyweb.management.token-file";
    public static final String TOKEN_ENV = "ENERGYWEB_MANAGEMENT_TOKEN";
    public static final String INSECURE = "energyweb.management.allow-insecure";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9876;

    /**
     * The access {@code settings} ask for (system properties override them, as in Camel Main); the
     * token comes from the file named by {@value #TOKEN_FILE}, else the environment variable {@value #TOKEN_ENV}.
     */
    public static ManagementAccess of(Properties settings, Map<String, String> environment) {
        Properties effective = new Properties();
        effective.putAll(settings);
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("camel.management.") || key.toString().startsWith("energyweb.management.")) {
                effective.put(key, value);
            }
        });
        String host = effective.getProperty(HOST, DEFAULT_HOST).trim();
        int port = Integer.parseInt(effective.getProperty(PORT, Integer.toString(DEFAULT_PORT)).trim());
        Optional<String> token = Optional.ofNullable(effective.getProperty(TOKEN_FILE)).map(file -> readToken(Path.of(file.trim())))
                .or(() -> Optional.ofNullable(environment.get(TOKEN_ENV)).map(String::trim).filter(t -> !t.isEmpty()));
        return new ManagementAccess(host, port, token, Boolean.parseBoolean(effective.getProperty(TLS, "false").trim()),
                Boolean.parseBoolean(effective.getProperty(INSECURE, "false").trim()));
    }

    /** @throws IllegalStateException naming what to set, when the port would open to the network unprotected */
    public void requireSafe() {
        if (loopback() || insecureOptOut) {
            return;
        }
        String where = "the management port " + host + ":" + port + " (health, metrics, status page)";
        if (token.isEmpty()) {
            throw new IllegalStateException("refusing to open " + where + " to other machines without a bearer token: put a token in "
                    + "the file named by " + TOKEN_FILE + " (or the environment variable " + TOKEN_ENV + "), or bind it to loopback with "
                    + HOST + "=" + DEFAULT_HOST + ", or accept the risk with " + INSECURE + "=true");
        }
        if (!tls) {
            throw new IllegalStateException("refusing to open " + where + " to other machines over plain HTTP, where its bearer token "
                    + "can be read on the wire: set " + TLS + "=true with camel.ssl.* (a key store), or bind it to loopback with " + HOST
                    + "=" + DEFAULT_HOST + ", or accept the risk with " + INSECURE + "=true");
        }
    }

    /** True when only this machine can connect. */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String readToken(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new IllegalStateException("the management token file " + file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the management token file " + file + ": " + e.getMessage(), e);
        }
    }
}
