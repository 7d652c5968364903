package org.energyweb.ledger.camel.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.file.GenericFile;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The order in which the inbox takes the files of one poll (the file consumer's {@code sorter}): by
 * meter, then by measurement time, then by file name. A meter's chain only runs forward in time, so
 * files taken in name or listing order would refuse every reading that arrives behind a later one.
 * A file that is not a readable measurement (or larger than {@link #PEEK_BYTES}) has no meter and
 * time and sorts first, by name: it becomes a dead letter whatever its place.
 */
public final class InboxOrder implements Comparator<GenericFile<File>> {

    /** The most of a file read to find its meter and time; a reading is a few hundred bytes. */
    static final int PEEK_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::meter, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::time, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::name);

    /** Keys of the files being sorted: each file is peeked once per poll, not at every comparison. */
    private final Map<GenericFile<File>, Key> keys = Collections.synchronizedMap(new WeakHashMap<>());

    record Key(String meter, Instant time, String name) {
    }

    @Override
    public int compare(GenericFile<File> a, GenericFile<File> b) {
        return ORDER.compare(key(a), key(b));
    }

    private Key key(GenericFile<File> file) {
        return keys.computeIfAbsent(file, f -> peek(f.getFile(), f.getFileName()));
    }

    static Key peek(File file, String name) {
        if (file.length() > PEEK_BYTES) {
            return new Key(null, null, name);
        }
        try (InputStream in = Files.newInputStream(file.toPath())) {
            JsonNode node = JSON.readTree(in.readNBytes(PEEK_BYTES));
            if (node == null || !node.path("meter").isTextual() || !node.path("time").isTextual()) {
                return new Key(null, null, name);
            }
            return new Key(node.get("meter").textValue(), OffsetDateTime.parse(node.get("time").textValue()).toInstant(), name);
        } catch (IOException | DateTimeParseException e) {
            // Not a measurement: the ledger says why when the file's turn comes.
            return new Key(null, null, name);
        }
    }
}
