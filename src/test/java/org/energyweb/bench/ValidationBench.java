package org.energyweb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import org.energyweb.reading.JsonSchemas;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/**
 * What validating each document costs: the Java checks every document passes at construction
 * against validating it with the JSON Schema (parse to a tree, then validate). Prints, asserts nothing.
 * Run: {@code mvn -Pbench test -Dtest=ValidationBench}.
 */
@Tag("bench")
class ValidationBench {

    private static final int DOCUMENTS = Integer.getInteger("bench.readings", 200_000);

    @Test
    void documentsValidatedPerSecond() throws Exception {
        Instant base = Instant.parse("2026-11-24T12:00:00Z");
        byte[][] documents = new byte[DOCUMENTS][];
        ReadingDocument previous = null;
        long start = System.nanoTime();
        for (int i = 0; i < DOCUMENTS; i++) {
            Measurement measurement = Measurement.of("bench-1", base.plusMillis(i), i, "bench");
            previous = ReadingDocument.of(Reading.next(measurement, previous == null ? null : previous.asHead()));
            documents[i] = previous.bytes();
        }
        report("documents built with the Java checks (construct, canonical JSON, SHA-256)", start);

        JsonSchema schema = JsonSchemas.load("reading-v1.schema.json");
        ObjectMapper json = new ObjectMapper();
        long invalid = 0;
        start = System.nanoTime();
        for (byte[] document : documents) {
            invalid += schema.validate(json.readTree(document)).size();
        }
        report("documents validated with the JSON Schema (tree parse + networknt), " + invalid + " invalid", start);
    }

    private static void report(String what, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,.0f documents/s (%.2f µs each)%n", what, DOCUMENTS / seconds, seconds * 1e6 / DOCUMENTS);
    }
}
