package org.energyweb.meter.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shelly energy meters, both generations, told apart by topic.
 * <ul>
 * <li>Gen1 (EM, 3EM): {@code shellies/<id>/emeter/<n>/total} carries the import register as a plain number in Wh.</li>
 * <li>Gen2+ (Pro 3EM, Pro EM, EM Gen3) with status notifications on: {@code <id>/status/emdata:<n>} carries the
 * totals in Wh ({@code total_act}, {@code total_act_ret}); the single-phase {@code em1data:<n>} names them
 * {@code total_act_energy}, {@code total_act_ret_energy}. {@code <id>/status/em:<n>} ({@code total_act_power}) and
 * {@code em1:<n>} ({@code act_power}) give no reading; their power joins the next totals.</li>
 * </ul>
 * Neither generation puts a time in these messages, so a total is dated when it arrives; a retained one was
 * published at some unknown earlier time and cannot be dated at all, so it is a fault. The devices' other topics
 * give no reading. See the Shelly Gen2 API, components EMData, EM1Data, EM and EM1.
 */
public final class ShellyDecoder implements MessageDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GEN2 = Pattern.compile(".*/status/(em|emdata|em1|em1data):\\d+");

    /** The power of the last status message, used once by the totals after it. */
    private Long lastPowerW;

    @Override
    public Optional<DeviceReading> decode(DeviceMessage message) throws MessageFormatException {
        if (message.topic().endsWith("/total")) {
            return Optional.of(gen1Total(message));
        }
        Matcher gen2 = GEN2.matcher(message.topic());
        if (!gen2.matches()) {
            return Optional.empty();
        }
        JsonNode status = Json.parse(JSON, message.payload());
        switch (gen2.group(1)) {
            case "em" -> rememberPower(message, status, "total_act_power");
            case "em1" -> rememberPower(message, status, "act_power");
            case "emdata" -> {
                return Optional.of(gen2Totals(message, status, "total_act", "total_act_ret"));
            }
            default -> {
                return Optional.of(gen2Totals(message, status, "total_act_energy", "total_act_ret_energy"));
            }
        }
        return Optional.empty();
    }

    private static DeviceReading gen1Total(DeviceMessage message) throws MessageFormatException {
        refuseRetained(message);
        String text = new String(message.payload(), StandardCharsets.US_ASCII).strip();
        if (!text.matches("\\d+(\\.\\d+)?")) {
            throw new MessageFormatException("Shelly total '" + text + "' is not a non-negative number of Wh");
        }
        return new DeviceReading(message.received(), false, wattHours(new BigDecimal(text)), null, null);
    }

    private DeviceReading gen2Totals(DeviceMessage message, JsonNode status, String importField, String exportField) throws MessageFormatException {
        refuseRetained(message);
        BigDecimal imported = nonNegative(Json.number(status, importField, importField), importField);
        Long exported = status.has(exportField) ? wattHours(nonNegative(Json.number(status, exportField, exportField), exportField)) : null;
        Long power = lastPowerW;
        lastPowerW = null;
        return new DeviceReading(message.received(), false, wattHours(imported), exported, power);
    }

    private void rememberPower(DeviceMessage message, JsonNode status, String field) throws MessageFormatException {
        if (!message.retained()) {
            lastPowerW = Json.number(status, field, field).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
    }

    private static void refuseRetained(DeviceMessage message) throws MessageFormatException {
        if (message.retained()) {
            throw new MessageFormatException("retained Shelly total: the message has no time of its own, so how old it is cannot be told");
        }
    }

    private static BigDecimal nonNegative(BigDecimal value, String field) throws MessageFormatException {
        if (value.signum() < 0) {
            throw new MessageFormatException(field + " is negative (" + value.toPlainString() + " Wh): a cumulative register never is");
        }
        return value;
    }

    /** Rounded down: a register never claims energy not yet delivered. */
    private static long wattHours(BigDecimal value) {
        return value.setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
