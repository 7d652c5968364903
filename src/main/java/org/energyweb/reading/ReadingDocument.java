package org.energyweb.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Arrays;

/**
 * A reading as stored: its canonical bytes, byte-exact, and their SHA-256, which is at once the
 * reading's id, the next reading's {@code prev}, the on-chain file hash and the digest in its CID.
 */
public final class ReadingDocument {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Reading reading;
    private final byte[] bytes;
    private final byte[] sha256;

    private ReadingDocument(Reading reading, byte[] bytes, byte[] sha256) {
        this.reading = reading;
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    public static ReadingDocument of(Reading reading) {
        byte[] bytes = reading.toCanonicalJson();
        return new ReadingDocument(reading, bytes, Sha256.digest(bytes));
    }

    /**
     * Reads stored bytes back. They must be a well-formed reading in exactly its canonical form,
     * since any other spelling of the same content would hash differently.
     *
     * @throws InvalidDocumentException with the reason when they are not
     */
    public static ReadingDocument parse(byte[] bytes) {
        Reading reading = CanonicalReadingScanner.scan(bytes);
        if (reading == null) {
            reading = readReading(bytes);
            if (!Arrays.equals(reading.toCanonicalJson(), bytes)) {
                throw new InvalidDocumentException("document is not in canonical form (RFC 8785)");
            }
        }
        return new ReadingDocument(reading, bytes.clone(), Sha256.digest(bytes));
    }

    /** The members of a document, each with a bit to catch duplicates while streaming. */
    private enum Member {
        SCHEMA, METER, SEQ, TIME, ENERGY_WH, DOWN, SOURCE, PREV, EXPORT_WH, POWER_W, LATE;

        static Member of(String name) {
            return switch (name) {
                case "schema" -> SCHEMA;
                case "meter" -> METER;
                case "seq" -> SEQ;
                case "time" -> TIME;
                case "energyWh" -> ENERGY_WH;
                case "down" -> DOWN;
                case "source" -> SOURCE;
                case "prev" -> PREV;
                case "exportWh" -> EXPORT_WH;
                case "powerW" -> POWER_W;
                case "late" -> LATE;
                default -> throw new InvalidDocumentException("document has an unknown member '" + name + "'");
            };
        }
    }

    /** Streams the members (a tree model costs several times more, and verify reads millions). */
    private static Reading readReading(byte[] bytes) {
        String meter = null, time = null, source = null, prev = null;
        Long schema = null, seq = null, energyWh = null, exportWh = null, powerW = null;
        Boolean down = null;
        boolean late = false;
        int seen = 0;
        try (JsonParser parser = STRICT.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidDocumentException("document is not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                Member member = Member.of(name);
                if ((seen & (1 << member.ordinal())) != 0) {
                    throw new InvalidDocumentException("document has '" + name + "' twice");
                }
                seen |= 1 << member.ordinal();
                JsonToken value = parser.nextToken();
                switch (member) {
                    case SCHEMA -> schema = integer(parser, value, name);
                    case SEQ -> seq = integer(parser, value, name);
                    case ENERGY_WH -> energyWh = integer(parser, value, name);
                    case EXPORT_WH -> exportWh = integer(parser, value, name);
                    case POWER_W -> powerW = integer(parser, value, name);
                    case METER -> meter = text(parser, value, name);
                    case TIME -> time = text(parser, value, name);
                    case SOURCE -> source = text(parser, value, name);
                    case PREV -> prev = text(parser, value, name);
                    case DOWN -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                            throw new InvalidDocumentException("'down' is not a boolean");
                        }
                        down = value == JsonToken.VALUE_TRUE;
                    }
                    case LATE -> {
                        // Written only when true, so a document has one canonical form.
                        if (value != JsonToken.VALUE_TRUE) {
                            throw new InvalidDocumentException("'late' is present only as true");
                        }
                        late = true;
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidDocumentException("document has content after its object");
            }
        } catch (IOException e) {
            throw new InvalidDocumentException("document is not valid JSON: " + e.getMessage());
        }
        required(schema, "schema");
        if (schema != Reading.SCHEMA) {
            throw new InvalidDocumentException("document schema " + schema + " is not supported (expected " + Reading.SCHEMA + ")");
        }
        try {
            return new Reading(required(meter, "meter"), required(seq, "seq"), UtcTime.parse(required(time, "time")),
                    required(energyWh, "energyWh"), required(down, "down"), required(source, "source"), prev, exportWh, powerW, late);
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentException("document is not a valid reading: " + e.getMessage());
        }
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new InvalidDocumentException("document lacks '" + name + "'");
        }
        return value;
    }

    private static long integer(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new InvalidDocumentException("'" + name + "' is not an integer");
        }
        return parser.getLongValue();
    }

    private static String text(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new InvalidDocumentException("'" + name + "' is not a string");
        }
        return parser.getText();
    }

    public Reading reading() {
        return reading;
    }

    /** The stored bytes; callers must not modify the array. */
    public byte[] bytes() {
        return bytes;
    }

    public byte[] sha256() {
        return sha256;
    }

    public String sha256Hex() {
        return Sha256.hex(sha256);
    }

    /** This reading as its meter's head, when it is good (not down): see {@link #asHeadAfter}. */
    public ChainHead asHead() {
        return new ChainHead(reading.meter(), reading.seq(), sha256, reading.energyWh(), reading.time(), reading.time(), reading.energyWh());
    }

    /**
     * This reading as its meter's head, appended after {@code previous}: a down or late reading keeps
     * the previous head's good time and register, so it does not move the order of good readings.
     */
    public ChainHead asHeadAfter(ChainHead previous) {
        if (!reading.down() && !reading.late() || previous == null) {
            return asHead();
        }
        return new ChainHead(reading.meter(), reading.seq(), sha256, reading.energyWh(), reading.time(),
                previous.goodTime(), previous.goodEnergyWh());
    }

    @Override
    public String toString() {
        return reading.meter() + "#" + reading.seq() + " " + sha256Hex();
    }
}
