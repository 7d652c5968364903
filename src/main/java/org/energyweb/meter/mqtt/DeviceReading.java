package org.energyweb.meter.mqtt;

import java.time.Instant;

/**
 * What one message says: the import register in Wh, at a time, with export and power when the device sends them.
 *
 * @param dated true when the time is the device's own, false when it is only when the gateway received it
 */
public record DeviceReading(Instant time, boolean dated, long energyWh, Long exportWh, Long powerW) {
}
