package org.energyweb.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port in front of a JSON-RPC node: it forwards every request
 * to the node and, while told to, replaces the node's answers to {@code eth_getTransactionReceipt}
 * with JSON-RPC errors, as a node under load or a load balancer in front of a syncing node does.
 */
final class ReceiptErrorProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI node;
    private final HttpClient client = HttpClient.newHttpClient();
    private final HttpServer server;
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean failing;

    ReceiptErrorProxy(String nodeUrl) throws IOException {
        this.node = URI.create(nodeUrl);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void failReceipts(boolean value) {
        failing = value;
    }

    /** Receipt lookups answered with an error so far. */
    int refusedLookups() {
        return refused.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(node)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] reply = failing ? refuseReceipts(JSON.readTree(body), JSON.readTree(answer.body())) : answer.body();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] refuseReceipts(JsonNode request, JsonNode answer) throws IOException {
        Set<JsonNode> receiptIds = new HashSet<>();
        for (JsonNode call : request.isArray() ? request : JSON.createArrayNode().add(request)) {
            if (call.path("method").asText().equals("eth_getTransactionReceipt")) {
                receiptIds.add(call.path("id"));
            }
        }
        if (!answer.isArray()) {
            return JSON.writeValueAsBytes(receiptIds.contains(answer.path("id")) ? error(answer.path("id")) : answer);
        }
        ArrayNode replaced = JSON.createArrayNode();
        answer.forEach(reply -> replaced.add(receiptIds.contains(reply.path("id")) ? error(reply.path("id")) : reply));
        return JSON.writeValueAsBytes(replaced);
    }

    private JsonNode error(JsonNode id) {
        refused.incrementAndGet();
        ObjectNode error = JSON.createObjectNode().put("jsonrpc", "2.0");
        error.set("id", id);
        error.putObject("error").put("code", -32000).put("message", "header not found");
        return error;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
