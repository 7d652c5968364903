package org.energyweb.meter.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;

/** The JSON reading device decoders share: numbers kept exact, a missing field a fault. */
final class Json {

    private Json() {
    }

    static JsonNode parse(ObjectMapper mapper, byte[] payload) throws MessageFormatException {
        try {
            JsonNode root = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(payload);
            if (root == null || !root.isObject()) {
                throw new MessageFormatException("malformed JSON: not an object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MessageFormatException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MessageFormatException("malformed JSON: " + e.getMessage());
        }
    }

    static String text(JsonNode node, String field) throws MessageFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MessageFormatException("message has no text field " + field);
        }
        return value.asText();
    }

    static BigDecimal number(JsonNode node, String field, String name) throws MessageFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new MessageFormatException("message has no number " + name);
        }
        return value.decimalValue();
    }
}
