package org.energyweb.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An ew-link-bond configuration file: JSON whose {@code producers} and {@code consumers} (the legacy files:
 * {@code production} and {@code consumption}) list items {@code {name, energy-meter, smart-contract, carbon-emission?}},
 * each part naming a Python class ({@code module}, {@code class_name}) and its {@code class_parameters}; or one such
 * item alone (the original's single-asset file, {@code parse_single_asset}).
 */
public final class BondConfig {

    /** Producer or consumer, and the keys of the lists the original read them from. */
    public enum Role {
        PRODUCER("producers", "production"), CONSUMER("consumers", "consumption");

        private final String key;
        private final String legacyKey;

        Role(String key, String legacyKey) {
            this.key = key;
            this.legacyKey = legacyKey;
        }
    }

    /** One item of a list; {@code item} is the raw JSON, checked when it is mapped. */
    public record Entry(Role role, int index, JsonNode item) {

        /** The item's name, or where it sits when it has none. */
        public String label() {
            JsonNode name = item.path("name");
            return name.isTextual() && !name.asText().isBlank() ? name.asText() : role.key + "[" + index + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BondConfig() {
    }

    /**
     * The entries of {@code file} in file order, producers first.
     *
     * @throws IOException when the file cannot be read or is not a JSON object with any of the lists
     */
    public static List<Entry> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Only where: Jackson's own message quotes the text around the error, which may be a private key.
            throw new IOException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        if (root.has("energy-meter")) {
            // A single-asset file: its smart-contract class says which side it is on.
            boolean consumer = root.path("smart-contract").path("class_name").asText().equals("OriginConsumer");
            entries.add(new Entry(consumer ? Role.CONSUMER : Role.PRODUCER, 0, root));
            return entries;
        }
        boolean found = false;
        for (Role role : Role.values()) {
            for (String key : List.of(role.key, role.legacyKey)) {
                JsonNode list = root.path(key);
                if (list.isArray()) {
                    found = true;
                    for (int i = 0; i < list.size(); i++) {
                        entries.add(new Entry(role, i, list.get(i)));
                    }
                }
            }
        }
        if (!found) {
            throw new IOException(file + " has none of the lists producers, consumers, production, consumption, nor an energy-meter");
        }
        return entries;
    }
}
