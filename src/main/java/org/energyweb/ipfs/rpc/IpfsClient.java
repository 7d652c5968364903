package org.energyweb.ipfs.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.Codec;
import org.energyweb.ipfs.cid.Multihash;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsException.Reason;
import org.energyweb.remote.BreakerSettings;
import org.energyweb.remote.RemoteBreaker;

/**
 * A client of the Kubo HTTP RPC API (Kubo, js-ipfs). Every call is a POST. Adds are checked: the CID
 * is computed locally first and the node's answer must equal it. Every call goes through the node's
 * circuit breaker: once the node could not be reached a number of times in a row, calls fail at once
 * with {@link Reason#CIRCUIT_OPEN} until a trial call gets through.
 */
public final class IpfsClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_TEXT_LIMIT = 300;

    private final IpfsClientConfig config;
    private final HttpClient http;
    private final RemoteBreaker breaker;

    /** A client with the default circuit breaker. */
    public IpfsClient(IpfsClientConfig config) {
        this(config, BreakerSettings.DEFAULT);
    }

    public IpfsClient(IpfsClientConfig config, BreakerSettings breaker) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        // Only a node that cannot be reached or does not answer counts: an HTTP error is the node answering.
        this.breaker = new RemoteBreaker("IPFS node " + config.apiUrl(), breaker,
                failure -> failure instanceof IpfsException e && e.getCause() instanceof IOException,
                message -> new IpfsException(Reason.CIRCUIT_OPEN, message));
    }

    public IpfsClientConfig config() {
        return config;
    }

    /** Adds a document, returning its CID once the node has confirmed the one computed locally. */
    public Cid add(byte[] document, UnixFsOptions options, boolean pin) {
        requireWithinMaxSize(document.length);
        Cid local = UnixFs.cidOf(document, options);
        return requireSame(local, addUnchecked(BodyPublishers.ofByteArray(document), addParameters(options, pin)), "the node");
    }

    /** Adds a document that must have {@code expected} as CID; nothing is uploaded if it has not. */
    public Cid add(byte[] document, Cid expected, boolean pin) {
        requireWithinMaxSize(document.length);
        UnixFsOptions options = UnixFsOptions.forCid(expected);
        requireSame(expected, UnixFs.cidOf(document, options), "the document");
        return requireSame(expected, addUnchecked(BodyPublishers.ofByteArray(document), addParameters(options, pin)), "the node");
    }

    /** Adds a file, streaming it twice: once to compute its CID, once to upload it. */
    public Cid add(Path file, UnixFsOptions options, boolean pin) {
        try {
            requireWithinMaxSize(Files.size(file));
            Cid local = UnixFs.cidOf(file, options);
            return requireSame(local, addUnchecked(BodyPublishers.ofFile(file), addParameters(options, pin)), "the node");
        } catch (IOException e) {
            throw new IpfsException(Reason.LOCAL_IO, "cannot read " + file, e);
        }
    }

    /**
     * The CID the node itself gives a file added with exactly these {@code add} parameters, not
     * compared with anything: for checking this library against a node.
     */
    public Cid nodeCidOf(Path file, Map<String, String> parameters) {
        try {
            return addUnchecked(BodyPublishers.ofFile(file), parameters);
        } catch (FileNotFoundException e) {
            throw new IpfsException(Reason.LOCAL_IO, "cannot read " + file, e);
        }
    }

    /**
     * Stores a dag-pb block the caller encoded (a UnixFS directory node, for instance) and returns its CID once the
     * node's answer names the same hash. {@code format=dag-pb} is what js-ipfs and Kubo both take (Kubo answers a
     * CIDv0 for it, js-ipfs by default too): the block is the same under either version.
     */
    public Cid putDagPbBlock(byte[] block, Cid expected) {
        requireWithinMaxSize(block.length);
        if (expected.codec() != Codec.DAG_PB || !Multihash.sha256(Multihash.newSha256().digest(block)).equals(expected.multihash())) {
            throw new IpfsException(Reason.CID_MISMATCH, "the block is not the dag-pb block " + expected);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("format", "dag-pb");
        parameters.put("mhtype", "sha2-256");
        Multipart multipart = new Multipart();
        HttpResponse<InputStream> response = post("block/put", parameters, multipart.withFile(BodyPublishers.ofByteArray(block)),
                multipart.contentType());
        JsonNode answer;
        try (InputStream body = response.body()) {
            answer = parseJson(new String(body.readAllBytes(), UTF_8), "block/put");
        } catch (IOException e) {
            throw failure("block/put", e);
        }
        Cid stored = parseCid(requireText(answer, "Key", "block/put"), "block/put");
        if (!stored.multihash().equals(expected.multihash())) {
            throw new IpfsException(Reason.CID_MISMATCH, "the node gives " + stored + " where " + expected + " was expected");
        }
        return expected;
    }

    /** The document's bytes; refuses documents above the configured maximum size. */
    public byte[] cat(Cid cid) {
        Map<String, String> parameters = withTimeout(Map.of("arg", cid.toString(), "length", Long.toString(config.maxSize() + 1)));
        HttpResponse<InputStream> response = post("cat", parameters, BodyPublishers.noBody(), null);
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxSize() + 1));
            requireWithinMaxSize(bytes.length);
            return bytes;
        } catch (IOException e) {
            throw failure("cat", e);
        }
    }

    /** Pins recursively; fetches nothing from the network when the node has the blocks. */
    public void pin(Cid cid) {
        requirePinsAnswer(call("pin/add", withTimeout(Map.of("arg", cid.toString()))), cid, "pin/add");
    }

    public void unpin(Cid cid) {
        requirePinsAnswer(call("pin/rm", withTimeout(Map.of("arg", cid.toString()))), cid, "pin/rm");
    }

    public boolean isPinned(Cid cid) {
        JsonNode answer;
        try {
            answer = call("pin/ls", withTimeout(Map.of("arg", cid.toString(), "type", "recursive")));
        } catch (IpfsException e) {
            if (e.reason() == Reason.HTTP_ERROR && e.getMessage().contains("not pinned")) {
                return false;
            }
            throw e;
        }
        JsonNode keys = answer.path("Keys");
        if (!keys.isObject()) {
            throw new IpfsException(Reason.GARBAGE, "pin/ls answered without Keys");
        }
        for (var names = keys.fieldNames(); names.hasNext(); ) {
            if (Cid.parse(names.next()).multihash().equals(cid.multihash())) {
                return true;
            }
        }
        return false;
    }

    public IpfsStat stat(Cid cid) {
        JsonNode answer = call("files/stat", withTimeout(Map.of("arg", "/ipfs/" + cid)));
        String hash = requireText(answer, "Hash", "files/stat");
        return new IpfsStat(parseCid(hash, "files/stat"), answer.path("Size").asLong(), answer.path("CumulativeSize").asLong(),
                answer.path("Blocks").asInt(), answer.path("Type").asText());
    }

    /** The node's peer id; a cheap way to see whether it is up. */
    public String id() {
        return requireText(call("id", Map.of()), "ID", "id");
    }

    /** Explicit parameters, so a node configured with other import defaults still computes our CID. */
    private static Map<String, String> addParameters(UnixFsOptions options, boolean pin) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("cid-version", Integer.toString(options.cidVersion()));
        parameters.put("raw-leaves", Boolean.toString(options.rawLeaves()));
        parameters.put("chunker", "size-" + options.chunkSize());
        parameters.put("pin", Boolean.toString(pin));
        parameters.put("progress", "false");
        return parameters;
    }

    private Cid addUnchecked(BodyPublisher content, Map<String, String> parameters) {
        Multipart multipart = new Multipart();
        HttpResponse<InputStream> response = post("add", parameters, multipart.withFile(content), multipart.contentType());
        // one JSON object per line; the last one carrying a Hash is the added file
        String hash = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = parseJson(line, "add");
                    if (node.hasNonNull("Hash")) {
                        hash = node.get("Hash").asText();
                    }
                }
            }
        } catch (IOException e) {
            throw failure("add", e);
        }
        if (hash == null) {
            throw new IpfsException(Reason.GARBAGE, "add answered without a Hash, from " + config.apiUrl());
        }
        return parseCid(hash, "add");
    }

    private Cid requireSame(Cid expected, Cid actual, String source) {
        if (!expected.equals(actual)) {
            throw new IpfsException(Reason.CID_MISMATCH, source + " gives " + actual + " where " + expected + " was expected");
        }
        return actual;
    }

    private void requireWithinMaxSize(long size) {
        if (size > config.maxSize()) {
            throw new IpfsException(Reason.OVERSIZED, "document of more than " + config.maxSize() + " bytes (maxSize)");
        }
    }

    private void requirePinsAnswer(JsonNode answer, Cid cid, String call) {
        JsonNode pins = answer.path("Pins");
        if (!pins.isArray()) {
            throw new IpfsException(Reason.GARBAGE, call + " answered without Pins");
        }
        for (JsonNode pin : pins) {
            if (parseCid(pin.asText(), call).multihash().equals(cid.multihash())) {
                return;
            }
        }
        throw new IpfsException(Reason.GARBAGE, call + " did not list " + cid + " in its Pins");
    }

    private Map<String, String> withTimeout(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("timeout", config.timeout().toMillis() + "ms");
        return all;
    }

    private JsonNode call(String command, Map<String, String> parameters) {
        HttpResponse<InputStream> response = post(command, parameters, BodyPublishers.noBody(), null);
        try (InputStream body = response.body()) {
            return parseJson(new String(body.readAllBytes(), UTF_8), command);
        } catch (IOException e) {
            throw failure(command, e);
        }
    }

    private HttpResponse<InputStream> post(String command, Map<String, String> parameters, BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(commandUri(command, parameters))
                // the node's own timeout= answers first; ours catches a node that does not answer at all
                .timeout(config.timeout().plusSeconds(2))
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        config.auth().ifPresent(value -> request.header(config.authHeaderName(), value));
        HttpResponse<InputStream> response = breaker.call(() -> send(command, request.build()));
        if (response.statusCode() != 200) {
            throw httpError(command, response);
        }
        return response;
    }

    private HttpResponse<InputStream> send(String command, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failure(command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpfsException(Reason.TIMEOUT, "interrupted while calling " + command + " on " + config.apiUrl(), e);
        }
    }

    private URI commandUri(String command, Map<String, String> parameters) {
        String base = config.apiUrl().toString().replaceAll("/+$", "");
        String query = parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(base + "/api/v0/" + command + (query.isEmpty() ? "" : "?" + query));
    }

    private IpfsException httpError(String command, HttpResponse<InputStream> response) {
        String text;
        try (InputStream body = response.body()) {
            text = new String(body.readNBytes(4096), UTF_8);
        } catch (IOException e) {
            text = "";
        }
        String message = text;
        try {
            message = JSON.readTree(text).path("Message").asText(text);
        } catch (IOException notJson) {
            // a proxy's HTML error page, for instance: keep the text
        }
        message = message.length() > ERROR_TEXT_LIMIT ? message.substring(0, ERROR_TEXT_LIMIT) + "..." : message;
        String where = command + " on " + config.apiUrl() + " answered HTTP " + response.statusCode() + ": " + message;
        boolean nodeTimedOut = message.toLowerCase(java.util.Locale.ROOT).contains("timed out")
                || message.toLowerCase(java.util.Locale.ROOT).contains("timeout");
        return new IpfsException(nodeTimedOut ? Reason.TIMEOUT : Reason.HTTP_ERROR, where);
    }

    private IpfsException failure(String command, IOException e) {
        String where = command + " on " + config.apiUrl();
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new IpfsException(Reason.UNREACHABLE, "cannot connect for " + where, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new IpfsException(Reason.TIMEOUT, "no answer within " + config.timeout() + " for " + where, e);
        }
        return new IpfsException(Reason.UNREACHABLE, "connection failed during " + where + ": " + e.getMessage(), e);
    }

    private JsonNode parseJson(String text, String command) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            String start = text.length() > 80 ? text.substring(0, 80) + "..." : text;
            throw new IpfsException(Reason.GARBAGE, command + " on " + config.apiUrl() + " answered something that is not JSON: " + start);
        }
    }

    private String requireText(JsonNode answer, String field, String command) {
        if (!answer.hasNonNull(field)) {
            throw new IpfsException(Reason.GARBAGE, command + " answered without " + field);
        }
        return answer.get(field).asText();
    }

    private Cid parseCid(String text, String command) {
        try {
            return Cid.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IpfsException(Reason.GARBAGE, command + " answered an unreadable CID '" + text + "': " + e.getMessage());
        }
    }
}
