package org.energyweb.proof;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One field of a reading, revealed with its salt.
 *
 * @param value the field's JSON value as in the document
 * @param salt  the field's 32-byte salt; without it the value could not be checked against the commitment
 * @param index the field's position in the document's sorted schema
 */
public record DisclosedField(String name, JsonNode value, byte[] salt, int index) {

    public DisclosedField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(salt, "salt");
    }
}
