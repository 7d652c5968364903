package org.energyweb.meter.energyapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.energyweb.meter.http.FaultReporter;
import org.energyweb.reading.EnergyUnit;
import org.energyweb.reading.MeterFaultException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads Energy API JSON strictly: numbers as exact decimals (never binary floating point), times
 * only with an explicit offset (the original treated local time as UTC), and every gap or oddity a
 * fault carrying the body it was found in.
 */
final class EnergyApiJson {

    // NaN and Infinity are parsed (not rejected as syntax) so the fault can name them for what they are.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final FaultReporter faults;
    private final byte[] payload;

    private EnergyApiJson(FaultReporter faults, byte[] payload) {
        this.faults = faults;
        this.payload = payload;
    }

    static EnergyApiJson of(FaultReporter faults, byte[] payload) {
        return new EnergyApiJson(faults, payload);
    }

    JsonNode root() {
        try {
            JsonNode root = MAPPER.readTree(payload);
            if (root == null || root.isMissingNode()) {
                throw fault("malformed JSON: the body is empty");
            }
            return root;
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            throw faults.fault("malformed JSON: " + detail, payload, e);
        }
    }

    JsonNode required(JsonNode parent, String field, String where) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw fault("missing field '" + field + "' in " + where);
        }
        return value;
    }

    String text(JsonNode parent, String field, String where) {
        JsonNode value = required(parent, field, where);
        if (!value.isTextual()) {
            throw fault("field '" + field + "' in " + where + " must be a string, not " + value);
        }
        return value.textValue();
    }

    boolean bool(JsonNode parent, String field, String where) {
        JsonNode value = required(parent, field, where);
        if (!value.isBoolean()) {
            throw fault("field '" + field + "' in " + where + " must be true or false, not " + value);
        }
        return value.booleanValue();
    }

    EnergyUnit unit(JsonNode parent, String field, String where) {
        String name = text(parent, field, where);
        try {
            return EnergyUnit.parse(name);
        } catch (IllegalArgumentException e) {
            throw fault(e.getMessage() + " in " + where);
        }
    }

    /** A finite, non-negative energy value, exactly as written. */
    BigDecimal energy(JsonNode parent, String field, String where) {
        JsonNode value = required(parent, field, where);
        if (value.isDouble() || value.isFloat()) {
            double number = value.doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw fault("energy in " + where + " is not a number: " + value.asText());
            }
        }
        if (!value.isNumber()) {
            throw fault("energy in " + where + " must be a number, not " + value);
        }
        BigDecimal energy = value.decimalValue();
        if (energy.signum() < 0) {
            throw fault("negative energy " + energy.toPlainString() + " in " + where);
        }
        return energy;
    }

    Instant time(JsonNode parent, String field, String where) {
        String text = text(parent, field, where);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw fault("'" + field + "' in " + where + " is not a time with an offset (RFC 3339, e.g. 2018-03-14T17:12:20+00:00): '" + text
                    + "'; a time without offset is refused rather than guessed");
        }
    }

    MeterFaultException fault(String reason) {
        return faults.fault(reason, payload);
    }
}
