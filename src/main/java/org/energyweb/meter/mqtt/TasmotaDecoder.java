package org.energyweb.meter.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Tasmota's telemetry, {@code tele/<topic>/SENSOR}: {@code {"Time":"2024-05-01T12:00:00","ENERGY":{"Total":1234.567,
 * "Power":230,...}}}. Tasmota sends {@code Time} as the device's local time without an offset, so the device's zone
 * is configured. {@code Total} is in kWh with as many decimals as the device's EnergyRes setting; it is rounded
 * down to whole Wh (a register never claims energy not yet delivered). Other topics of the device (STATE, LWT,
 * INFO) carry no register and give no reading.
 */
public final class TasmotaDecoder implements MessageDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final ZoneId deviceZone;

    public TasmotaDecoder(ZoneId deviceZone) {
        this.deviceZone = deviceZone;
    }

    @Override
    public Optional<DeviceReading> decode(DeviceMessage message) throws MessageFormatException {
        if (!message.topic().endsWith("/SENSOR")) {
            return Optional.empty();
        }
        JsonNode root = Json.parse(JSON, message.payload());
        String time = Json.text(root, "Time");
        JsonNode energy = root.path("ENERGY");
        if (!energy.isObject()) {
            throw new MessageFormatException("Tasmota SENSOR message has no ENERGY object");
        }
        BigDecimal totalKwh = Json.number(energy, "Total", "ENERGY.Total");
        if (totalKwh.signum() < 0) {
            throw new MessageFormatException("ENERGY.Total is negative (" + totalKwh.toPlainString() + " kWh): a cumulative register never is");
        }
        long wattHours = totalKwh.multiply(THOUSAND).setScale(0, RoundingMode.FLOOR).longValueExact();
        Long power = energy.has("Power") && energy.get("Power").isNumber() ? energy.get("Power").decimalValue().longValue() : null;
        try {
            return Optional.of(new DeviceReading(LocalDateTime.parse(time).atZone(deviceZone).toInstant(), true, wattHours, null, power));
        } catch (DateTimeParseException e) {
            throw new MessageFormatException("Time '" + time + "' is not an ISO local date-time");
        }
    }
}
