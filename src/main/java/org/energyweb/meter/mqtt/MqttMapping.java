package org.energyweb.meter.mqtt;

import java.time.ZoneId;
import java.util.Locale;

/**
 * How a device's messages are read: one of the ready mappings ({@code tasmota}, {@code shelly}) or the generic
 * {@code json} one with its JSONPaths (blank when the device does not send that value).
 *
 * @param deviceZone the zone of a device clock that sends local time without an offset
 */
public record MqttMapping(String format, ZoneId deviceZone, String energyPath, String energyUnit, String exportPath, String powerPath,
                          String timePath) {

    /** A new decoder (decoders may remember what a device sent before, so each source has its own). */
    public MessageDecoder decoder() {
        return switch (format == null ? "" : format.trim().toLowerCase(Locale.ROOT)) {
            case "tasmota" -> new TasmotaDecoder(deviceZone);
            case "shelly" -> new ShellyDecoder();
            case "json" -> new JsonPathDecoder(energyPath, energyUnit, exportPath, powerPath, timePath, deviceZone);
            default -> throw new IllegalArgumentException("format must be tasmota, shelly or json, was " + format);
        };
    }
}
