package org.energyweb.ledger;

import org.energyweb.reading.Measurement;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import org.energyweb.reading.UtcTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where a measurement that arrived after a later reading of its meter falls in the meter's chain,
 * decided before {@code dlq replay} appends it as a late reading ({@link Reading#late}): it may be a
 * reading the chain already holds (a repeated delivery is that reading, never a second one), a
 * different value for a time the chain already holds (refused), a register that does not fit between
 * the good readings around its time (refused), or a reading that fits. Reads the meter's whole chain:
 * replay is an operator's occasional command, and an index by time would cost every append.
 */
final class LateReadings {

    /** What the chain says about a late measurement. */
    sealed interface Placement {
    }

    /** The chain already holds this measurement as reading {@code seq}. */
    record Existing(long seq) implements Placement {
    }

    /** Not in the chain, and its register fits between its good neighbours in time. */
    record Fits() implements Placement {
    }

    private LateReadings() {
    }

    /**
     * @throws IllegalArgumentException when the chain holds another value for that time, or the
     *                                  register is below an earlier good reading's or above a later one's
     */
    static Placement place(Connection connection, Measurement late) throws SQLException {
        Reading before = null;
        Reading after = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT document FROM reading WHERE meter = ? ORDER BY seq")) {
            select.setString(1, late.meter());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Reading reading = ReadingDocument.parse(rs.getBytes(1)).reading();
                    if (reading.down()) {
                        continue;
                    }
                    if (reading.time().equals(late.time())) {
                        if (reading.energyWh() == late.energyWh()) {
                            return new Existing(reading.seq());
                        }
                        throw new IllegalArgumentException("meter " + late.meter() + " already has " + reading.energyWh() + " Wh at "
                                + UtcTime.format(late.time()) + " (seq " + reading.seq() + "), not " + late.energyWh() + " Wh");
                    }
                    if (reading.late()) {
                        continue;
                    }
                    if (reading.time().isBefore(late.time()) && (before == null || reading.time().isAfter(before.time()))) {
                        before = reading;
                    } else if (reading.time().isAfter(late.time()) && (after == null || reading.time().isBefore(after.time()))) {
                        after = reading;
                    }
                }
            }
        }
        if (before != null && late.energyWh() < before.energyWh()) {
            throw new IllegalArgumentException("late reading of meter " + late.meter() + " at " + UtcTime.format(late.time()) + ": "
                    + late.energyWh() + " Wh is below the " + before.energyWh() + " Wh of its reading before (seq " + before.seq() + ")");
        }
        if (after != null && late.energyWh() > after.energyWh()) {
            throw new IllegalArgumentException("late reading of meter " + late.meter() + " at " + UtcTime.format(late.time()) + ": "
                    + late.energyWh() + " Wh is above the " + after.energyWh() + " Wh of its reading after (seq " + after.seq() + ")");
        }
        return new Fits();
    }
}
