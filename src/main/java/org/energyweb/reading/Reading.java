package org.energyweb.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * A measurement placed in its meter's hash chain: the content of one reading document.
 *
 * @param seq  the position in the meter's chain, 0 for the first reading
 * @param prev lowercase hex SHA-256 of the meter's previous document; null exactly when seq is 0
 */
public record Reading(String meter, long seq, Instant time, long energyWh, boolean down, String source,
                      String prev, Long exportWh, Long powerW) {

    /** The version of the document layout below; it is part of every document. */
    public static final int SCHEMA = 1;

    public Reading {
        MeterId.require(meter);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
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
        if (energyWh < 0) {
            throw new IllegalArgumentException("energyWh of meter " + meter + " is negative: " + energyWh);
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
        long energy = measurement.energyWh() != null ? measurement.energyWh() : previous.energyWh();
        // The last line of defence for every source, across restarts: a cumulative register never falls.
        if (energy < previous.energyWh()) {
            throw new IllegalArgumentException("counter of meter " + measurement.meter() + " went backwards from "
                    + previous.energyWh() + " Wh to " + energy + " Wh; the reading is refused");
        }
        return of(measurement, previous.seq() + 1, Sha256.hex(previous.sha256()), energy);
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
