package org.energyweb.meter.mbus;

/**
 * What one M-Bus answer says, in Wh and W.
 *
 * @param secondaryAddress the meter's identification as its answer gives it
 * @param powerW           the current power, null for a meter that does not send it
 */
public record MbusSample(String secondaryAddress, long energyWh, Long powerW) {
}
