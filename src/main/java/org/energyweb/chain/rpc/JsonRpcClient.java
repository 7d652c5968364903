package org.energyweb.chain.rpc;

import org.energyweb.remote.Loopback;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.remote.BreakerSettings;
import org.energyweb.remote.RemoteBreaker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An Ethereum JSON-RPC client over HTTP that is asynchronous end to end and sends batches.
 * web3j's own transport runs each asynchronous call as a blocking call on a small pool; a batch
 * of a few hundred calls in one request is what lets one key push hundreds of transactions a second.
 * Every request goes through the node's circuit breaker: once the node could not be reached a number
 * of times in a row, requests fail at once (an {@link RpcUnreachableException} saying the circuit is
 * open) until a trial request gets through.
 */
public final class JsonRpcClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();
    private final RemoteBreaker breaker;

    private JsonRpcClient(URI uri, Duration timeout, BreakerSettings breaker) {
        this.uri = uri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        // An error the node answered with (a revert, "nonce too low") is the node working: only unreachability counts.
        this.breaker = new RemoteBreaker("RPC node " + uri, breaker, failure -> failure instanceof RpcUnreachableException,
                message -> new RpcUnreachableException(message, null));
    }

    /**
     * A client for {@code url}. Signed transactions are public, but what a node answers decides
     * what we believe was mined: a URL that leaves this machine must be https unless
     * {@code allowInsecure} says the operator accepts that risk.
     */
    public static JsonRpcClient connect(String url, boolean allowInsecure, Duration timeout) {
        return connect(url, allowInsecure, timeout, BreakerSettings.DEFAULT);
    }

    /** As {@link #connect(String, boolean, Duration)}, with the node's circuit breaker set to {@code breaker}. */
    public static JsonRpcClient connect(String url, boolean allowInsecure, Duration timeout, BreakerSettings breaker) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("RPC URL must be http or https: " + url);
        }
        if (scheme.equals("http") && !allowInsecure && !Loopback.isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("RPC URL " + url + " is not on this machine and not https; "
                    + "use https, or set allowInsecure=true (--allow-insecure on the command line) to accept that");
        }
        return new JsonRpcClient(uri, timeout, breaker);
    }

    public URI uri() {
        return uri;
    }

    /** One call; completes with its result or fails with {@link RpcException} / {@link RpcUnreachableException}. */
    public CompletableFuture<JsonNode> call(String method, Object... params) {
        return batch(List.of(new RpcCall(method, List.of(params)))).thenApply(replies -> replies.get(0).resultOrThrow());
    }

    public JsonNode callAndWait(String method, Object... params) {
        return await(call(method, params));
    }

    /** Many calls in one HTTP request; the replies come back in the order of the calls. */
    public CompletableFuture<List<RpcReply>> batch(List<RpcCall> calls) {
        if (calls.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        ArrayNode body = JSON.createArrayNode();
        Map<Long, Integer> indexById = new HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            long id = ids.incrementAndGet();
            indexById.put(id, i);
            ObjectNode request = body.addObject();
            request.put("jsonrpc", "2.0");
            request.put("id", id);
            request.put("method", calls.get(i).method());
            request.set("params", JSON.valueToTree(calls.get(i).params()));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(toBytes(body)))
                .build();
        return breaker.callAsync(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        throw new RpcUnreachableException("RPC node " + uri + " unreachable: " + describe(cause), cause);
                    }
                    return replies(response, indexById, calls.size());
                }));
    }

    public List<RpcReply> batchAndWait(List<RpcCall> calls) {
        return await(batch(calls));
    }

    private List<RpcReply> replies(HttpResponse<byte[]> response, Map<Long, Integer> indexById, int size) {
        if (response.statusCode() != 200) {
            throw new RpcUnreachableException("RPC node " + uri + " answered HTTP " + response.statusCode(), null);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RpcUnreachableException("RPC node " + uri + " answered with malformed JSON", e);
        }
        if (!tree.isArray()) {
            // A node that rejects a whole batch answers with one error object.
            RpcException error = RpcException.of(tree.path("error"));
            throw error;
        }
        List<RpcReply> replies = new ArrayList<>(java.util.Collections.nCopies(size, null));
        for (JsonNode reply : tree) {
            Integer index = indexById.get(reply.path("id").asLong());
            if (index != null) {
                replies.set(index, reply.has("error") && !reply.get("error").isNull()
                        ? RpcReply.failed(RpcException.of(reply.get("error")))
                        : RpcReply.ok(reply.path("result")));
            }
        }
        for (int i = 0; i < size; i++) {
            if (replies.get(i) == null) {
                replies.set(i, RpcReply.failed(new RpcException(-32603, "no reply to this call in the batch", null)));
            }
        }
        return replies;
    }

    private static byte[] toBytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON-RPC request", e);
        }
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** Waits for a future, rethrowing its own failure (not a wrapper). */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
