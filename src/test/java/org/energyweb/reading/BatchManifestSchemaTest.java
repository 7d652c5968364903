package org.energyweb.reading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class BatchManifestSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemas.load("batch-manifest-v1.schema.json");
    private static final String HASH = "0f".repeat(32);

    @ParameterizedTest
    @ValueSource(strings = {"document-sha256", "field-root"})
    void aManifestOfEitherLeafKindIsValid(String leafKind) {
        assertThat(SCHEMA.validate(manifest(m -> m.put("leafKind", leafKind)))).isEmpty();
    }

    static Stream<Arguments> invalidManifests() {
        return Stream.of(
                arguments("another version", (Consumer<ObjectNode>) m -> m.put("version", 2), "$.version"),
                arguments("an unknown leaf kind", (Consumer<ObjectNode>) m -> m.put("leafKind", "cid"), "$.leafKind"),
                arguments("no root", (Consumer<ObjectNode>) m -> m.remove("root"), "root"),
                arguments("a root in upper case", (Consumer<ObjectNode>) m -> m.put("root", HASH.toUpperCase()), "$.root"),
                arguments("size 0", (Consumer<ObjectNode>) m -> m.put("size", 0), "$.size"),
                arguments("position 0", (Consumer<ObjectNode>) m -> m.put("firstPosition", 0), "$.firstPosition"),
                arguments("no leaves", (Consumer<ObjectNode>) m -> m.putArray("leaves"), "$.leaves"),
                arguments("a leaf without its hash", (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("leaves").get(0)).remove("leaf"), "leaf"),
                arguments("a leaf with a document CID", (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("leaves").get(0)).put("cid", "bafkrei"),
                        "cid"),
                arguments("a leaf of a bad meter id", (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("leaves").get(0)).put("meter", "a b"),
                        "$.leaves[0].meter"),
                arguments("an unknown member", (Consumer<ObjectNode>) m -> m.put("tx", "0xab"), "tx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidManifests")
    void anInvalidManifestIsRefusedNamingWhere(String name, Consumer<ObjectNode> change, String where) {
        Set<ValidationMessage> errors = SCHEMA.validate(manifest(change));
        assertThat(errors).isNotEmpty();
        assertThat(errors).extracting(ValidationMessage::getMessage).anySatisfy(message -> assertThat(message).contains(where));
    }

    private static ObjectNode manifest(Consumer<ObjectNode> change) {
        ObjectNode manifest = JSON.createObjectNode()
                .put("version", 1).put("leafKind", "document-sha256").put("size", 2)
                .put("firstPosition", 10).put("lastPosition", 11).put("root", HASH);
        ArrayNode leaves = manifest.putArray("leaves");
        leaves.addObject().put("meter", "m1").put("seq", 4).put("position", 10).put("leaf", HASH);
        leaves.addObject().put("meter", "m2").put("seq", 0).put("position", 11).put("leaf", HASH);
        change.accept(manifest);
        return manifest;
    }
}
