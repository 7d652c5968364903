package org.energyweb.proof;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Typed, strict access to the members of one JSON object of a proof file, with errors that name the member. */
final class JsonMembers {

    private static final Pattern HASH_HEX = Pattern.compile("[0-9a-f]{64}");

    private final JsonNode object;
    private final String where;

    private JsonMembers(JsonNode object, String where) {
        this.object = object;
        this.where = where;
    }

    /** Refuses anything but an object whose members are all among {@code allowed}: a proof says nothing unchecked. */
    static JsonMembers of(JsonNode node, String where, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new InvalidProofException(where + " is not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidProofException(where + " has an unknown member '" + name + "'");
            }
        }
        return new JsonMembers(node, where);
    }

    boolean has(String name) {
        return object.has(name) && !object.get(name).isNull();
    }

    JsonNode required(String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            throw new InvalidProofException(where + " lacks '" + name + "'");
        }
        return value;
    }

    String text(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw invalid(name, "a string");
        }
        return value.textValue();
    }

    long natural(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw invalid(name, "a non-negative integer");
        }
        return value.longValue();
    }

    int naturalInt(String name) {
        long value = natural(name);
        if (value > Integer.MAX_VALUE) {
            throw invalid(name, "an integer below 2^31");
        }
        return (int) value;
    }

    byte[] hash(String name) {
        return parseHash(text(name), name);
    }

    List<byte[]> hashes(String name) {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode item : array(name)) {
            if (!item.isTextual()) {
                throw invalid(name, "a list of 64-digit lowercase hex hashes");
            }
            hashes.add(parseHash(item.textValue(), name));
        }
        return hashes;
    }

    List<String> texts(String name) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array(name)) {
            if (!item.isTextual()) {
                throw invalid(name, "a list of strings");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    byte[] base64(String name) {
        try {
            return Base64.getDecoder().decode(text(name));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "base64 (RFC 4648, with padding)");
        }
    }

    private JsonNode array(String name) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw invalid(name, "a list");
        }
        return value;
    }

    private byte[] parseHash(String hex, String name) {
        if (!HASH_HEX.matcher(hex).matches()) {
            throw invalid(name, "64-digit lowercase hex");
        }
        return HexFormat.of().parseHex(hex);
    }

    private InvalidProofException invalid(String name, String expected) {
        return new InvalidProofException("'" + name + "' in " + where + " is not " + expected);
    }
}
