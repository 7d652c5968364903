package org.energyweb.meter.energyapi;

import org.energyweb.reading.EnergyUnit;

import java.time.Instant;
import java.util.List;

/**
 * What an Energy API returned for one time window.
 *
 * @param unit         the unit of every entry
 * @param accumulated  the API's own flag: entries are register values (true) or energy per period (false)
 * @param entries      the entries in the order the API sent them
 * @param coveredUntil the window is known to be complete up to and including this instant; it is
 *                     the requested end unless the API truncated its answer (v3 has no paging)
 * @param payload      the raw body (of the last page), kept for fault records
 */
public record EnergyWindow(EnergyUnit unit, boolean accumulated, List<EnergyEntry> entries, Instant coveredUntil, byte[] payload) {

    public EnergyWindow {
        entries = List.copyOf(entries);
    }
}
