package org.energyweb.meter.mqtt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Shelly energy meters (Gen1 EM / 3EM): {@code shellies/<id>/emeter/<n>/total} carries the import register
 * as a plain number in Wh. The message has no time of its own, so it is dated when it arrives; a retained
 * one was published at some unknown earlier time and cannot be dated at all, so it is a fault. The device's
 * other topics (power, voltage, total_returned) give no reading.
 */
public final class ShellyDecoder implements MessageDecoder {

    @Override
    public Optional<DeviceReading> decode(DeviceMessage message) throws MessageFormatException {
        if (!message.topic().endsWith("/total")) {
            return Optional.empty();
        }
        if (message.retained()) {
            throw new MessageFormatException("retained Shelly total: the message has no time of its own, so how old it is cannot be told");
        }
        String text = new String(message.payload(), StandardCharsets.US_ASCII).strip();
        if (!text.matches("\\d+(\\.\\d+)?")) {
            throw new MessageFormatException("Shelly total '" + text + "' is not a non-negative number of Wh");
        }
        long wattHours = new BigDecimal(text).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Optional.of(new DeviceReading(message.received(), false, wattHours, null, null));
    }
}
