package org.energyweb.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * A measurement placed in its meter's hash chain: the content of one reading document. The
 * constructor is the one gate every document passes, created or parsed, and checks what
 * {@code schemas/reading-v1.schema.json} says (ReadingSchemaTest holds the two in agreement), so a
 * non-conforming document never reaches the ledger. Plain Java checks cost nanoseconds; a schema
 * validator per append would cost the ledger most of its throughput.
 *
 * @param seq  the position in the meter's chain, 0 for the first reading
 * @param prev lowercase hex SHA-256 of the meter's previous document; null exactly when seq is 0
 * @param late true for a measurement that arrived after a later reading of its meter and was appended
 *             at the chain's head anyway (by {@code dlq replay}): its time is before the meter's newest
 *             good reading's, and it moves neither the order of good readings nor the carried register
 */
public record Reading(String meter, long seq, Instant time, long energyWh, boolean down, String source,
                      String prev, Long exportWh, Long powerW, boolean late) {

    /** The version of the document layout below; it is part of every document. */
    public static final int SCHEMA = 1;

    /** 2^53: integers up to this magnitude are exact in canonical JSON (see the schema's ranges). */
    public static final long MAX_EXACT_INTEGER = 1L << 53;

    /** Longest source, in code points (as JSON Schema counts string length). */
    public static final int MAX_SOURCE_LENGTH = 512;

    /** A reading in its meter's order (not late). */
    public Reading(String meter, long seq, Instant time, long energyWh, boolean down, String source, String prev, Long exportWh, Long powerW) {
        this(meter, seq, time, energyWh, down, source, prev, exportWh, powerW, false);
    }

    public Reading {
        MeterId.require(meter);
        Objects.requireNonNull(time, "time");
        requireSource(meter, source);
        if (seq < 0) {
            throw new IllegalArgumentException("seq of meter " + meter + " is negative: " + seq);
        }
        if ((seq == 0) != (prev == null)) {
            throw new IllegalArgumentException("meter " + meter + " seq " + seq
                    + (seq == 0 ? " is the first reading and has no prev" : " needs the previous document's hash as prev"));
        }
        if (prev != null && !Sha256.isHex(prev)) {
            throw new IllegalArgumentException("prev of meter " + meter + " seq " + seq + " is not a lowercase hex SHA-256: " + prev);
        }
        if (late && (down || seq == 0)) {
            throw new IllegalArgumentException("meter " + meter + " seq " + seq + " cannot be late: "
                    + (down ? "a down reading is never late" : "the first reading of a meter is never late"));
        }
        if (energyWh < 0) {
            throw new IllegalArgumentException("energyWh of meter " + meter + " is negative: " + energyWh);
        }
        if (exportWh != null && exportWh < 0) {
            throw new IllegalArgumentException("exportWh of meter " + meter + " is negative: " + exportWh);
        }
        requireExact(meter, "seq", seq);
        requireExact(meter, "energyWh", energyWh);
        requireExact(meter, "exportWh", exportWh);
        requireExact(meter, "powerW", powerW);
    }

    /** RFC 8785 writes numbers as IEEE doubles, so larger integers would not survive canonical form. */
    private static void requireExact(String meter, String field, Long value) {
        if (value != null && Math.abs(value) > MAX_EXACT_INTEGER) {
            throw new IllegalArgumentException(field + " of meter " + meter + " is beyond 2^53, the largest integer canonical JSON holds exactly: " + value);
        }
    }

    private static void requireSource(String meter, String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a reading of meter " + meter + " must name its source");
        }
        if (source.length() > MAX_SOURCE_LENGTH && source.codePointCount(0, source.length()) > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("source of meter " + meter + " is longer than " + MAX_SOURCE_LENGTH + " characters");
        }
    }

    /** Places a measurement after the meter's previous reading ({@code previous} null for the first). */
    public static Reading next(Measurement measurement, ChainHead previous) {
        if (previous == null) {
            if (measurement.energyWh() == null) {
                throw new IllegalArgumentException("meter " + measurement.meter()
                        + " is down and has no earlier reading to carry forward; nothing is recorded rather than 0 Wh");
            }
            return of(measurement, 0, null, measurement.energyWh());
        }
        // A meter's chain runs forward in time: a late or out-of-order delivery cannot be slotted in behind it.
        // Good readings are ordered among themselves; a down reading (stamped by the gateway's clock) only
        // has to come after the newest good one, and does not hold back the next good one (ChainHead).
        if (!measurement.time().isAfter(previous.goodTime())) {
            throw new IllegalArgumentException("time of meter " + measurement.meter() + " went backwards: "
                    + UtcTime.format(measurement.time()) + (previous.goodTime().equals(previous.time())
                    ? " is not after its newest reading's " + UtcTime.format(previous.time()) + " (seq " + previous.seq() + ")"
                    : " is not after its newest good reading's " + UtcTime.format(previous.goodTime()) + " (before it went down)")
                    + "; the reading is refused as out of order");
        }
        long energy = measurement.energyWh() != null ? measurement.energyWh() : previous.goodEnergyWh();
        // The last line of defence for every source, across restarts: a cumulative register never falls.
        if (energy < previous.goodEnergyWh()) {
            throw new IllegalArgumentException("counter of meter " + measurement.meter() + " went backwards from "
                    + previous.goodEnergyWh() + " Wh to " + energy + " Wh; the reading is refused");
        }
        return of(measurement, previous.seq() + 1, Sha256.hex(previous.sha256()), energy);
    }

    /**
     * Places a measurement that arrived after a later reading of its meter at the chain's head, marked
     * late with its own measurement time: the chain stays append-only and every earlier hash stays
     * valid. Where it falls among the meter's good readings (its register between theirs) is the
     * ledger's to check, which can read them.
     */
    public static Reading late(Measurement measurement, ChainHead previous) {
        if (previous == null || measurement.down() || measurement.energyWh() == null) {
            throw new IllegalArgumentException("meter " + measurement.meter() + ": only a good measurement of a meter with readings can be late");
        }
        if (measurement.time().isAfter(previous.goodTime())) {
            throw new IllegalArgumentException("time of meter " + measurement.meter() + " " + UtcTime.format(measurement.time())
                    + " is after its newest good reading's: it is not late");
        }
        return new Reading(measurement.meter(), previous.seq() + 1, measurement.time(), measurement.energyWh(), false, measurement.source(),
                Sha256.hex(previous.sha256()), measurement.exportWh(), measurement.powerW(), true);
    }

    private static Reading of(Measurement m, long seq, String prev, long energyWh) {
        return new Reading(m.meter(), seq, m.time(), energyWh, m.down(), m.source(), prev, m.exportWh(), m.powerW());
    }

    /** The RFC 8785 canonical bytes of this reading: members in UTF-16 order, optional ones left out. */
    public byte[] toCanonicalJson() {
        CanonicalJson.ObjectWriter json = new CanonicalJson.ObjectWriter()
                .bool("down", down)
                .integer("energyWh", energyWh);
        if (exportWh != null) {
            json.integer("exportWh", exportWh);
        }
        if (late) {
            json.bool("late", true);
        }
        json.string("meter", meter);
        if (powerW != null) {
            json.integer("powerW", powerW);
        }
        if (prev != null) {
            json.string("prev", prev);
        }
        return json.integer("schema", SCHEMA)
                .integer("seq", seq)
                .string("source", source)
                .string("time", UtcTime.format(time))
                .toBytes();
    }
}
