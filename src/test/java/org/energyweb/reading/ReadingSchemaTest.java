package org.energyweb.reading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The reading document's JSON Schema and the Java checks say the same: what the schema accepts
 * Java reads, what it refuses Java refuses with a reason. Every example is in canonical form, so
 * Java refuses for the stated reason, not for the spelling.
 */
class ReadingSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemas.load("reading-v1.schema.json");
    private static final String PREV = "ab".repeat(32);

    static Stream<Arguments> validDocuments() {
        return Stream.of(
                arguments("a meter's first reading", document(d -> { })),
                arguments("a later reading with prev, export and negative power",
                        document(d -> d.put("seq", 7).put("prev", PREV).put("exportWh", 12).put("powerW", -1500))),
                arguments("a down meter carrying its last value", document(d -> d.put("down", true))),
                arguments("a late reading appended by replay", document(d -> d.put("seq", 3).put("prev", PREV).put("late", true))),
                arguments("the longest meter id", document(d -> d.put("meter", "m".repeat(64)))),
                arguments("the largest register canonical JSON holds exactly", document(d -> d.put("energyWh", 1L << 53))),
                arguments("a source of 512 characters", document(d -> d.put("source", "s".repeat(512)))));
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                arguments("an unknown member", document(d -> d.put("foo", 1)), "unknown member 'foo'"),
                arguments("late written as false", document(d -> d.put("seq", 3).put("prev", PREV).put("late", false)), "'late' is present only as true"),
                arguments("a late down reading", document(d -> d.put("seq", 3).put("prev", PREV).put("late", true).put("down", true)),
                        "a down reading is never late"),
                arguments("a late first reading", document(d -> d.put("late", true)), "the first reading of a meter is never late"),
                arguments("no meter", document(d -> d.remove("meter")), "lacks 'meter'"),
                arguments("a meter id starting with a dash", document(d -> d.put("meter", "-m1")), "invalid meter id"),
                arguments("a meter id of 65 characters", document(d -> d.put("meter", "m".repeat(65))), "invalid meter id"),
                arguments("a meter id with a slash", document(d -> d.put("meter", "a/b")), "invalid meter id"),
                arguments("another schema version", document(d -> d.put("schema", 2)), "schema 2 is not supported"),
                arguments("a negative seq", document(d -> d.put("seq", -1)), "seq of meter m1 is negative"),
                arguments("a fractional seq", document(d -> d.put("seq", 1.5)), "'seq' is not an integer"),
                arguments("a first reading with prev", document(d -> d.put("prev", PREV)), "is the first reading and has no prev"),
                arguments("a later reading without prev", document(d -> d.put("seq", 1)), "needs the previous document's hash"),
                arguments("prev in upper case", document(d -> d.put("seq", 1).put("prev", PREV.toUpperCase())), "is not a lowercase hex SHA-256"),
                arguments("prev too short", document(d -> d.put("seq", 1).put("prev", "ab")), "is not a lowercase hex SHA-256"),
                arguments("a time without milliseconds", document(d -> d.put("time", "2026-11-24T12:00:00Z")), "not a UTC time"),
                arguments("a time with an offset", document(d -> d.put("time", "2026-11-24T12:00:00+0100")), "not a UTC time"),
                arguments("hour 24", document(d -> d.put("time", "2026-11-24T24:00:00.000Z")), "not a valid time of day"),
                arguments("month 13", document(d -> d.put("time", "2026-13-24T12:00:00.000Z")), "not a valid date"),
                arguments("a negative register", document(d -> d.put("energyWh", -1)), "energyWh of meter m1 is negative"),
                arguments("a register as a string", document(d -> d.put("energyWh", "5")), "'energyWh' is not an integer"),
                arguments("a register beyond 2^53", document(d -> d.put("energyWh", (1L << 53) + 2)), "energyWh of meter m1 is beyond 2^53"),
                arguments("a seq beyond 2^53", document(d -> d.put("seq", (1L << 53) + 2).put("prev", PREV)), "seq of meter m1 is beyond 2^53"),
                arguments("a register beyond 64 bits", document(d -> d.put("energyWh", BigInteger.TWO.pow(64))), "'energyWh' is not an integer"),
                arguments("a fractional register", document(d -> d.put("energyWh", 10.5)), "'energyWh' is not an integer"),
                arguments("down as a string", document(d -> d.put("down", "yes")), "'down' is not a boolean"),
                arguments("no down flag", document(d -> d.remove("down")), "lacks 'down'"),
                arguments("an empty source", document(d -> d.put("source", "")), "must name its source"),
                arguments("a blank source", document(d -> d.put("source", "   ")), "must name its source"),
                arguments("a source of 513 characters", document(d -> d.put("source", "s".repeat(513))), "longer than 512 characters"),
                arguments("a negative export register", document(d -> d.put("exportWh", -1)), "exportWh of meter m1 is negative"),
                arguments("a fractional power", document(d -> d.put("powerW", 1.5)), "'powerW' is not an integer"),
                arguments("a JSON array", "[1,2]", "document is not a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDocuments")
    void aValidDocumentPassesTheSchemaAndJava(String name, String document) throws IOException {
        assertThat(SCHEMA.validate(JSON.readTree(document))).isEmpty();
        ReadingDocument parsed = ReadingDocument.parse(bytes(document));
        assertThat(ReadingDocument.of(parsed.reading()).bytes()).isEqualTo(bytes(document));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void anInvalidDocumentIsRefusedByTheSchemaAndByJavaWithItsReason(String name, String document, String reason) throws IOException {
        assertThat(SCHEMA.validate(JSON.readTree(document))).isNotEmpty();
        assertThatThrownBy(() -> ReadingDocument.parse(bytes(document)))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining(reason);
    }

    /** A canonical document of meter m1, seq 0, changed by {@code change}. */
    private static String document(Consumer<ObjectNode> change) {
        ObjectNode document = JSON.createObjectNode()
                .put("schema", 1).put("meter", "m1").put("seq", 0).put("time", "2026-11-24T12:00:00.000Z")
                .put("energyWh", 1000).put("down", false).put("source", "simulator");
        change.accept(document);
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(document)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
