package org.energyweb.proof;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The prover's side of field-level proofs: a reading document's fields salted, committed to one
 * tree each, and the field root that becomes the document's leaf input in a
 * {@link LeafKind#FIELD_ROOT} batch.
 */
public final class FieldCommitments {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode document;
    private final List<String> schema;
    private final List<byte[]> salts;
    private final MerkleTree fields;
    private final byte[] fieldRoot;

    private FieldCommitments(JsonNode document, List<String> schema, List<byte[]> salts, MerkleTree fields) {
        this.document = document;
        this.schema = schema;
        this.salts = salts;
        this.fields = fields;
        this.fieldRoot = FieldScheme.fieldRoot(schema, fields.root());
    }

    /**
     * Commits to every member of a flat JSON document.
     *
     * @param saltSeed the reading's secret 32-byte seed, see {@link SaltSeed#derive}
     * @throws IllegalArgumentException when the document is not a JSON object with at least one member
     */
    public static FieldCommitments of(byte[] document, byte[] saltSeed) {
        JsonNode json = parse(document);
        List<String> schema = new ArrayList<>();
        json.fieldNames().forEachRemaining(schema::add);
        // RFC 8785's member order: String.compareTo compares UTF-16 code units.
        schema.sort(String::compareTo);
        List<byte[]> salts = new ArrayList<>(schema.size());
        List<byte[]> leafInputs = new ArrayList<>(schema.size());
        for (String name : schema) {
            byte[] salt = FieldScheme.salt(saltSeed, name);
            salts.add(salt);
            leafInputs.add(FieldScheme.leafInput(name, json.get(name), salt));
        }
        return new FieldCommitments(json, List.copyOf(schema), salts, MerkleTree.ofLeafInputs(leafInputs));
    }

    private static JsonNode parse(byte[] document) {
        JsonNode json;
        try {
            json = STRICT.readTree(document);
        } catch (IOException e) {
            throw new IllegalArgumentException("document is not valid JSON: " + e.getMessage(), e);
        }
        if (json == null || !json.isObject() || json.isEmpty()) {
            throw new IllegalArgumentException("document is not a JSON object with fields");
        }
        return json;
    }

    /** The document's field names in sorted order: the positions of the field tree's leaves. */
    public List<String> schema() {
        return schema;
    }

    /** SHA-256(0x02 || schema hash || field tree root): the leaf input in a field-root batch. */
    public byte[] fieldRoot() {
        return fieldRoot.clone();
    }

    /** The named field with its salt and position. */
    public DisclosedField disclose(String name) {
        int index = positionOf(name);
        return new DisclosedField(name, document.get(name), salts.get(index).clone(), index);
    }

    /** The RFC 9162 inclusion path of the named field's leaf in the field tree. */
    public List<byte[]> fieldPath(String name) {
        return fields.inclusionPath(positionOf(name));
    }

    private int positionOf(String name) {
        int index = schema.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("document has no field '" + name + "'; it has " + schema);
        }
        return index;
    }
}
