package org.energyweb.meter.sml;

/**
 * What one SML file of a meter says, scalers and units applied.
 *
 * @param serverId the meter's server id (hex), as its GetList response names it
 * @param exportWh the export register (1-0:2.8.0), null for a meter without one
 * @param powerW   the power (1-0:16.7.0, negative while exporting), null for a meter that does not send it
 */
public record SmlSample(String serverId, long importWh, Long exportWh, Long powerW) {
}
