package org.energyweb.meter.mqtt;

import java.time.Instant;

/**
 * One message a device published, as the gateway received it.
 *
 * @param retained true when the broker delivered a retained message (kept from some earlier time) rather than a live one
 */
public record DeviceMessage(String topic, byte[] payload, boolean retained, Instant received) {
}
