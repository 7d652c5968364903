package org.energyweb.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A client of a running gateway's management port: health as JSON text, metrics as Prometheus samples. */
final class ManagementClient {

    record Answer(int status, String body) {

        /** The body as Camel's health JSON: overall status, and each check's message by the check's name. */
        String healthStatus() {
            return health().path("status").asText();
        }

        String message(String check) {
            for (JsonNode node : health().path("checks")) {
                if (node.path("name").asText().equals(check)) {
                    return node.path("message").asText();
                }
            }
            return null;
        }

        private JsonNode health() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not health JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param base the management port's URL, e.g. {@code http://127.0.0.1:9876} */
    ManagementClient(String base) {
        this.base = base;
    }

    /** GET of {@code path}; empty while nothing listens on the port (the gateway is still starting). */
    Optional<Answer> get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every sample of {@code /observe/metrics}, keyed by its name and labels as printed ({@code energyweb_readings_total{meter="sim-1"}}). */
    Map<String, Double> metrics() {
        Map<String, Double> samples = new LinkedHashMap<>();
        get("/observe/metrics").filter(answer -> answer.status() == 200).ifPresent(answer -> answer.body().lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> {
                    int space = line.lastIndexOf(' ');
                    samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }));
        return samples;
    }
}
