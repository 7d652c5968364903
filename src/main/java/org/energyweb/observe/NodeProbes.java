package org.energyweb.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * The probes of the remote nodes: one small request each, with a short timeout so a health request
 * never hangs on a node that does not answer. Separate from the hops' clients on purpose: a probe
 * must neither count towards nor wait for their circuit breakers.
 */
final class NodeProbes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    NodeProbes(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The Kubo RPC API's {@code id}: the node answers with its peer id. */
    NodeProbe ipfs(String apiUrl) {
        return () -> {
            // no body and no content type, as Kubo's RPC wants its POSTs
            JsonNode id = post(URI.create(apiUrl.replaceAll("/+$", "") + "/api/v0/id"), null);
            return "peer " + id.path("ID").asText("?");
        };
    }

    /** The chain's newest block: its number and age, so a node that stopped following the chain shows. */
    NodeProbe chain(String rpcUrl) {
        return () -> {
            JsonNode reply = post(URI.create(rpcUrl), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\",\"params\":[\"latest\",false]}");
            if (reply.has("error") || !reply.path("result").isObject()) {
                throw new IOException("no latest block in its answer: " + abbreviate(reply.toString()));
            }
            long number = Long.decode(reply.path("result").path("number").asText());
            long timestamp = Long.decode(reply.path("result").path("timestamp").asText());
            long age = Math.max(0, Instant.now().getEpochSecond() - timestamp);
            return "head block " + number + ", " + age + " s old";
        };
    }

    private JsonNode post(URI uri, String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        if (body == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("connection refused", e);
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("an answer that is not JSON: " + abbreviate(response.body()), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
