package org.energyweb.fleet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.BatchPath;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The value of a record on the anchor service's results topic, version 1 ({@code schemas/fleet-results-v1.schema.json}):
 * what one anchored batch holds of one gateway's readings, or a chunk of it. Once: the batch (topic, partition, id,
 * size, root, manifest CID) and its anchor; per reading: meter, seq, the document's SHA-256, the leaf index and the
 * audit path. No document: the gateway holds it, and rebuilds each reading's inclusion proof from it, so a record
 * carries about a third of what one proof per reading did. Reading is strict: duplicate or unknown members, and
 * paths that are not whole hashes, are refused.
 *
 * @param chunk  which of the {@code chunks} records of this batch and gateway this is, from 0
 */
public record ResultsRecord(String gateway, Batch batch, Anchor anchor, int chunk, int chunks, List<Result> readings) {

    public static final int VERSION = 1;
    /**
     * Readings per record by default: at about 1 KB each (meter, seq, digest, index and a path of up to 20 hashes,
     * a batch of a million readings) a record stays near 500 KB, well under the brokers' default 1 MB.
     */
    public static final int MAX_READINGS = 500;

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final HexFormat HEX = HexFormat.of();
    private static final int HASH = 32;
    private static final Set<String> MEMBERS = Set.of("version", "gateway", "batch", "anchor", "chunk", "chunks", "readings");
    private static final Set<String> BATCH_MEMBERS = Set.of("topic", "partition", "id", "size", "root", "manifest");
    private static final Set<String> ANCHOR_MEMBERS = Set.of("chainId", "contract", "tx", "block");
    private static final Set<String> READING_MEMBERS = Set.of("meter", "seq", "sha256", "index", "path");

    public ResultsRecord {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(anchor, "anchor");
        if (chunk < 0 || chunk >= chunks) {
            throw new IllegalArgumentException("chunk " + chunk + " of " + chunks);
        }
        readings = List.copyOf(readings);
    }

    /** An anchored batch of the service: where its readings came from, its tree's size and root, its manifest's CID. */
    public record Batch(String topic, int partition, long id, long size, byte[] root, String manifest) {
        public Batch {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(manifest, "manifest");
            if (root.length != HASH) {
                throw new IllegalArgumentException("a root of " + root.length + " bytes");
            }
        }
    }

    /** One reading of the batch: whose it is, its document's SHA-256 (the leaf input), its leaf index and audit path (leaf to root). */
    public record Result(String meter, long seq, byte[] sha256, long index, List<byte[]> path) {
        public Result {
            Objects.requireNonNull(meter, "meter");
            path = List.copyOf(path);
        }

        @Override
        public String toString() {
            return meter + "#" + seq;
        }
    }

    /** The records of one gateway's readings of a batch, {@code maxReadings} at most each, in the order given (leaf order). */
    public static List<ResultsRecord> chunked(String gateway, Batch batch, Anchor anchor, List<Result> readings, int maxReadings) {
        if (maxReadings < 1) {
            throw new IllegalArgumentException("maxReadings must be positive: " + maxReadings);
        }
        int chunks = (readings.size() + maxReadings - 1) / maxReadings;
        List<ResultsRecord> records = new ArrayList<>(chunks);
        for (int chunk = 0; chunk < chunks; chunk++) {
            records.add(new ResultsRecord(gateway, batch, anchor, chunk, chunks,
                    readings.subList(chunk * maxReadings, Math.min(readings.size(), (chunk + 1) * maxReadings))));
        }
        return records;
    }

    /** Where a reading of this record is in its anchored batch, as its inclusion proof states it. */
    public BatchPath path(Result reading) {
        return new BatchPath(reading.index(), batch.size(), reading.path(), batch.root(), anchor);
    }

    public byte[] json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + readings.size() * 700);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", VERSION);
            json.writeStringField("gateway", gateway);
            json.writeObjectFieldStart("batch");
            json.writeStringField("topic", batch.topic());
            json.writeNumberField("partition", batch.partition());
            json.writeNumberField("id", batch.id());
            json.writeNumberField("size", batch.size());
            json.writeStringField("root", HEX.formatHex(batch.root()));
            json.writeStringField("manifest", batch.manifest());
            json.writeEndObject();
            json.writeObjectFieldStart("anchor");
            json.writeNumberField("chainId", anchor.chainId());
            json.writeStringField("contract", anchor.contract());
            json.writeStringField("tx", anchor.tx());
            json.writeNumberField("block", anchor.block());
            json.writeEndObject();
            json.writeNumberField("chunk", chunk);
            json.writeNumberField("chunks", chunks);
            json.writeArrayFieldStart("readings");
            for (Result reading : readings) {
                json.writeStartObject();
                json.writeStringField("meter", reading.meter());
                json.writeNumberField("seq", reading.seq());
                json.writeStringField("sha256", HEX.formatHex(reading.sha256()));
                json.writeNumberField("index", reading.index());
                json.writeStringField("path", Base64.getEncoder().encodeToString(concatenated(reading.path())));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing results to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a record's value.
     *
     * @throws IllegalArgumentException naming what is wrong, when it is not a version 1 results record
     */
    public static ResultsRecord read(byte[] value) {
        JsonNode json;
        try {
            json = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("results are not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading results from memory failed", e);
        }
        members(json, MEMBERS, "results");
        if (integer(json, "version") != VERSION) {
            throw new IllegalArgumentException("results of version " + json.get("version") + ", not " + VERSION);
        }
        JsonNode batch = members(json.get("batch"), BATCH_MEMBERS, "batch");
        JsonNode anchor = members(json.get("anchor"), ANCHOR_MEMBERS, "anchor");
        List<Result> readings = new ArrayList<>();
        JsonNode array = json.get("readings");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("results without readings");
        }
        for (JsonNode reading : array) {
            members(reading, READING_MEMBERS, "reading");
            readings.add(new Result(text(reading, "meter"), integer(reading, "seq"), hash(text(reading, "sha256"), "sha256"),
                    integer(reading, "index"), path(text(reading, "path"))));
        }
        return new ResultsRecord(text(json, "gateway"),
                new Batch(text(batch, "topic"), Math.toIntExact(integer(batch, "partition")), integer(batch, "id"), integer(batch, "size"),
                        hash(text(batch, "root"), "root"), text(batch, "manifest")),
                new Anchor(integer(anchor, "chainId"), text(anchor, "contract"), text(anchor, "tx"), integer(anchor, "block")),
                Math.toIntExact(integer(json, "chunk")), Math.toIntExact(integer(json, "chunks")), readings);
    }

    private static JsonNode members(JsonNode node, Set<String> members, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new IllegalArgumentException(what + " has an unknown member " + name);
            }
        }
        for (String member : members) {
            if (!node.has(member)) {
                throw new IllegalArgumentException(what + " has no " + member);
            }
        }
        return node;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return value.textValue();
    }

    private static long integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new IllegalArgumentException(name + " is not a non-negative integer");
        }
        return value.longValue();
    }

    private static byte[] hash(String hex, String name) {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + " is not 64 lowercase hex digits");
        }
        return HEX.parseHex(hex);
    }

    private static List<byte[]> path(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a path is not base64", e);
        }
        if (bytes.length % HASH != 0) {
            throw new IllegalArgumentException("a path of " + bytes.length + " bytes is not whole hashes");
        }
        List<byte[]> path = new ArrayList<>(bytes.length / HASH);
        for (int from = 0; from < bytes.length; from += HASH) {
            path.add(Arrays.copyOfRange(bytes, from, from + HASH));
        }
        return path;
    }

    private static byte[] concatenated(List<byte[]> path) {
        byte[] bytes = new byte[path.size() * HASH];
        for (int i = 0; i < path.size(); i++) {
            System.arraycopy(path.get(i), 0, bytes, i * HASH, HASH);
        }
        return bytes;
    }
}
