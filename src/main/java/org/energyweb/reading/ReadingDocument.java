package org.energyweb.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * A reading as stored: its canonical bytes, byte-exact, and their SHA-256, which is at once the
 * reading's id, the next reading's {@code prev}, the on-chain file hash and the digest in its CID.
 */
public final class ReadingDocument {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> MEMBERS = Set.of(
            "schema", "meter", "seq", "time", "energyWh", "down", "source", "prev", "exportWh", "powerW");

    private final Reading reading;
    private final byte[] bytes;
    private final byte[] sha256;

    private ReadingDocument(Reading reading, byte[] bytes, byte[] sha256) {
        this.reading = reading;
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    public static ReadingDocument of(Reading reading) {
        byte[] bytes = reading.toCanonicalJson();
        return new ReadingDocument(reading, bytes, Sha256.digest(bytes));
    }

    /**
     * Reads stored bytes back. They must be a well-formed reading in exactly its canonical form,
     * since any other spelling of the same content would hash differently.
     *
     * @throws InvalidDocumentException with the reason when they are not
     */
    public static ReadingDocument parse(byte[] bytes) {
        Reading reading = readReading(bytes);
        if (!Arrays.equals(reading.toCanonicalJson(), bytes)) {
            throw new InvalidDocumentException("document is not in canonical form (RFC 8785)");
        }
        return new ReadingDocument(reading, bytes.clone(), Sha256.digest(bytes));
    }

    private static Reading readReading(byte[] bytes) {
        JsonNode json;
        try {
            json = STRICT.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidDocumentException("document is not valid JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidDocumentException("document is not a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new InvalidDocumentException("document has an unknown member '" + name + "'");
            }
        }
        long schema = integer(json, "schema");
        if (schema != Reading.SCHEMA) {
            throw new InvalidDocumentException("document schema " + schema + " is not supported (expected " + Reading.SCHEMA + ")");
        }
        try {
            return new Reading(text(json, "meter"), integer(json, "seq"), time(json), integer(json, "energyWh"),
                    bool(json, "down"), text(json, "source"), optionalText(json, "prev"),
                    optionalInteger(json, "exportWh"), optionalInteger(json, "powerW"));
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentException("document is not a valid reading: " + e.getMessage());
        }
    }

    private static JsonNode required(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null) {
            throw new InvalidDocumentException("document lacks '" + name + "'");
        }
        return value;
    }

    private static long integer(JsonNode json, String name) {
        JsonNode value = required(json, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidDocumentException("'" + name + "' is not an integer: " + value);
        }
        return value.longValue();
    }

    private static Long optionalInteger(JsonNode json, String name) {
        return json.has(name) ? integer(json, name) : null;
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = required(json, name);
        if (!value.isTextual()) {
            throw new InvalidDocumentException("'" + name + "' is not a string: " + value);
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode json, String name) {
        return json.has(name) ? text(json, name) : null;
    }

    private static boolean bool(JsonNode json, String name) {
        JsonNode value = required(json, name);
        if (!value.isBoolean()) {
            throw new InvalidDocumentException("'" + name + "' is not a boolean: " + value);
        }
        return value.booleanValue();
    }

    private static Instant time(JsonNode json) {
        String text = text(json, "time");
        try {
            return Instant.from(Reading.TIME.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidDocumentException("'time' is not a UTC time like 2026-01-31T12:00:00.000Z: " + text);
        }
    }

    public Reading reading() {
        return reading;
    }

    /** The stored bytes; callers must not modify the array. */
    public byte[] bytes() {
        return bytes;
    }

    public byte[] sha256() {
        return sha256;
    }

    public String sha256Hex() {
        return Sha256.hex(sha256);
    }

    public ChainHead asHead() {
        return new ChainHead(reading.meter(), reading.seq(), sha256, reading.energyWh());
    }

    @Override
    public String toString() {
        return reading.meter() + "#" + reading.seq() + " " + sha256Hex();
    }
}
