package org.energyweb.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an ew-link-bond storage folder: its JSON files in the order of their names (local times to the second),
 * each checked against the previous one's hash. The original's pickled index is not used: it broke after a few
 * hundred entries and then silently restarted the chain, while the files themselves still carry the links.
 */
public final class BondStore {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH:mm:ss'.json'");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The files in order, and every place where a file's previous_hash is not the hash of the file before it. */
    public record Report(List<BondRecord> records, List<String> breaks) {
    }

    private BondStore() {
    }

    public static Report read(Path dir, ZoneId zone) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<BondRecord> records = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        String expected = BondFileHash.NONE;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            BondRecord record = record(file.getFileName().toString(), bytes, zone);
            if (!record.previousHash().equals(expected)) {
                breaks.add(record.name() + ": previous_hash " + record.previousHash() + " is not " + expected
                        + (records.isEmpty() ? " (the first file's)" : ", the hash of " + records.get(records.size() - 1).name()));
            }
            records.add(record);
            expected = record.hash();
        }
        return new Report(List.copyOf(records), List.copyOf(breaks));
    }

    private static BondRecord record(String name, byte[] bytes, ZoneId zone) throws IOException {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(name, NAME);
        } catch (DateTimeParseException e) {
            throw new IOException(name + " is not named like an ew-link-bond storage file (%Y-%m-%d-%H:%M:%S.json)");
        }
        JsonNode root = JSON.readTree(bytes);
        JsonNode value = root.path("value");
        JsonNode previous = root.path("previous_hash");
        if (!value.canConvertToExactIntegral() || !value.isNumber() || !previous.isTextual()) {
            throw new IOException(name + " has no integer value or no previous_hash");
        }
        return new BondRecord(name, local.atZone(zone).toInstant(), value.longValue(), root.path("is_meter_down").asBoolean(false),
                previous.asText(), BondFileHash.of(bytes));
    }
}
