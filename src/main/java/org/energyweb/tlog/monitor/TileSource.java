package org.energyweb.tlog.monitor;

import org.energyweb.remote.Loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a monitor reads a log laid out as c2sp.org/tlog-tiles ("APIs": {@code checkpoint}, {@code tile/...}, relative
 * to the log's prefix): a gateway's URL prefix or a copy of its {@code DATA/log} folder.
 */
@FunctionalInterface
public interface TileSource {

    /**
     * The resource at {@code path} below the prefix; empty when there is none (404, no such file).
     *
     * @throws UncheckedIOException  when the source cannot be reached or read
     * @throws IllegalStateException when it answers with another error
     */
    Optional<byte[]> read(String path);

    /**
     * The log served at {@code prefix} (e.g. {@code https://gateway.example/log/}). Plain http is only taken to a
     * loopback host ({@link Loopback}) unless {@code allowInsecure}.
     *
     * @throws IllegalArgumentException for another scheme, or plain http to another machine without {@code allowInsecure}
     */
    static TileSource served(URI prefix, boolean allowInsecure) {
        String scheme = String.valueOf(prefix.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || prefix.getHost() == null) {
            throw new IllegalArgumentException("the log's URL must be http(s)://host/...: " + prefix);
        }
        if (scheme.equals("http") && !allowInsecure && !Loopback.isLoopback(prefix.getHost())) {
            throw new IllegalArgumentException("refusing plain http to " + prefix.getHost() + ": use https, a log on loopback, or --allow-insecure");
        }
        URI base = prefix.toString().endsWith("/") ? prefix : URI.create(prefix + "/");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return path -> {
            URI url = base.resolve(path);
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 404) {
                    return Optional.empty();
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
                }
                return Optional.of(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fetch " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted fetching " + url, e);
            }
        };
    }

    /** A log folder as the gateway writes it ({@code DATA/log}: {@code checkpoint}, {@code tile/...}). */
    static TileSource folder(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new NoSuchFileException(directory + " (no log folder)"));
        }
        return path -> {
            try {
                return Optional.of(Files.readAllBytes(directory.resolve(path)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + directory.resolve(path), e);
            }
        };
    }
}
