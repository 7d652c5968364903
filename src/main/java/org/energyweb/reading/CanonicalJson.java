package org.energyweb.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by the UTF-16 code units of their
 * names, no insignificant whitespace, strings with the minimal escapes, numbers formatted as
 * ECMAScript's {@code Number.prototype.toString} does. The canonical bytes are what gets hashed.
 */
public final class CanonicalJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CanonicalJson() {
    }

    /** Canonicalises any JSON text. Duplicate member names, NaN and infinities are refused. */
    public static byte[] canonicalize(String json) {
        try {
            return canonicalize(STRICT.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                // String.compareTo compares UTF-16 code units, which is exactly RFC 8785's order.
                names.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendString(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                Iterator<JsonNode> items = node.elements();
                boolean first = true;
                while (items.hasNext()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(items.next(), out);
                }
                out.append(']');
            }
            case STRING -> appendString(node.textValue(), out);
            case NUMBER -> out.append(formatNumber(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** Appends a JSON string literal with exactly the escapes RFC 8785 prescribes. */
    public static void appendString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isSurrogate(c) && !isPairedSurrogate(value, i)) {
                        throw new IllegalArgumentException("string holds a lone surrogate at index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /**
     * ECMAScript Number-to-String (ECMA-262 7.1.12.1): the shortest decimal that reads back as the
     * same double, the closest one if several are that short, laid out in plain or exponent form.
     */
    public static String formatNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no representation for " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + formatNumber(-value);
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            BigDecimal best = null;
            // Near a power of two the rounding interval is lopsided, so a neighbour of the nearest
            // candidate can read back correctly when the nearest one does not.
            BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(nearest.precision() - nearest.scale() - precision);
            for (BigDecimal candidate : new BigDecimal[] {nearest, nearest.subtract(step), nearest.add(step)}) {
                if (candidate.signum() > 0 && candidate.doubleValue() == value
                        && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("no decimal of 17 digits reads back as " + value);
    }

    /** A canonical object written member by member; callers must add members in canonical order. */
    static final class ObjectWriter {
        private final StringBuilder out = new StringBuilder(256).append('{');
        private String lastName;

        ObjectWriter string(String name, String value) {
            name(name);
            appendString(value, out);
            return this;
        }

        ObjectWriter integer(String name, long value) {
            if (Math.abs(value) > (1L << 53)) {
                throw new IllegalArgumentException(name + " = " + value + " exceeds the integers JSON numbers hold exactly");
            }
            name(name);
            out.append(value);
            return this;
        }

        ObjectWriter bool(String name, boolean value) {
            name(name);
            out.append(value);
            return this;
        }

        private void name(String name) {
            if (lastName != null) {
                if (lastName.compareTo(name) >= 0) {
                    throw new IllegalStateException("member " + name + " written out of canonical order after " + lastName);
                }
                out.append(',');
            }
            lastName = name;
            appendString(name, out);
            out.append(':');
        }

        byte[] toBytes() {
            return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
