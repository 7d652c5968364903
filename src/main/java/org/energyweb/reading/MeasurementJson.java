package org.energyweb.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Measurements written as JSON by routes that compute their own values, e.g.
 * {@code {"meter":"m1","time":"2026-11-24T12:00:00Z","energyWh":1234,"source":"my-api"}}.
 * Unknown members, a time without offset and non-integer energy are refused with the reason.
 */
public final class MeasurementJson {

    private static final ObjectMapper STRICT = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> MEMBERS = Set.of("meter", "time", "energyWh", "down", "source", "exportWh", "powerW");

    private MeasurementJson() {
    }

    public static Measurement parse(byte[] json) {
        JsonNode node;
        try {
            node = STRICT.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("measurement is not valid JSON: " + e.getMessage());
        }
        return parse(node);
    }

    public static Measurement parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a measurement must be a JSON object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("measurement has an unknown member '" + name + "' (allowed: " + MEMBERS + ")");
            }
        });
        return new Measurement(text(node, "meter"), time(node), integer(node, "energyWh"),
                bool(node, "down"), text(node, "source"), integer(node, "exportWh"), integer(node, "powerW"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("measurement needs '" + name + "' as a string");
        }
        return value.textValue();
    }

    /** Only JSON true/false: a lenient reading would take "yes" or 1 for false and hide a down meter. */
    private static boolean bool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("measurement '" + name + "' must be true or false: " + value);
        }
        return value.booleanValue();
    }

    private static Long integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("measurement '" + name + "' must be an integer number of Wh or W: " + value);
        }
        return value.longValue();
    }

    private static Instant time(JsonNode node) {
        String text = text(node, "time");
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("measurement time must be RFC 3339 with an offset (e.g. 2026-11-24T12:00:00Z): " + text);
        }
    }
}
