package org.energyweb.meter.mqtt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import org.energyweb.reading.EnergyUnit;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Any device that publishes JSON (OpenEMS, evcc, ioBroker or Node-RED flows, ESPHome): JSONPath expressions
 * (Jayway JsonPath) say where the energy register, and optionally the export register, the power and the time
 * are. The registers are in {@code energyUnit} and rounded down to whole Wh (a register never claims energy not
 * yet delivered). The time is a number of seconds since the epoch, an ISO date-time with offset, or an ISO local
 * date-time in the device's zone; without a time path the value is dated when it arrives, and a retained
 * message, published at some unknown earlier time, is a fault. A path that finds nothing or no number is a fault.
 */
public final class JsonPathDecoder implements MessageDecoder {

    // Jackson with big decimals, so that 1234.567 kWh is 1234567 Wh and not 1234566.9999.
    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)))
            .mappingProvider(new JacksonMappingProvider())
            .build();

    private final JsonPath energy;
    private final EnergyUnit unit;
    private final JsonPath export;
    private final JsonPath power;
    private final JsonPath time;
    private final ZoneId deviceZone;

    /**
     * @param exportPath, powerPath, timePath blank when the device does not send them
     * @throws IllegalArgumentException when a path is not a JSONPath or the unit is unknown
     */
    public JsonPathDecoder(String energyPath, String energyUnit, String exportPath, String powerPath, String timePath, ZoneId deviceZone) {
        if (blank(energyPath)) {
            throw new IllegalArgumentException("the JSON mapping needs energyPath, the JSONPath of the energy register");
        }
        this.energy = compile("energyPath", energyPath);
        this.unit = EnergyUnit.parse(energyUnit);
        this.export = blank(exportPath) ? null : compile("exportPath", exportPath);
        this.power = blank(powerPath) ? null : compile("powerPath", powerPath);
        this.time = blank(timePath) ? null : compile("timePath", timePath);
        this.deviceZone = deviceZone;
    }

    @Override
    public Optional<DeviceReading> decode(DeviceMessage message) throws MessageFormatException {
        DocumentContext document;
        try {
            document = JsonPath.using(JSON).parse(new ByteArrayInputStream(message.payload()));
        } catch (InvalidJsonException e) {
            throw new MessageFormatException("malformed JSON: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        }
        long energyWh = register(document, energy);
        Long exportWh = export == null ? null : register(document, export);
        Long powerW = power == null ? null : number(document, power).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        if (time == null) {
            if (message.retained()) {
                throw new MessageFormatException("retained message without a time: how old it is cannot be told");
            }
            return Optional.of(new DeviceReading(message.received(), false, energyWh, exportWh, powerW));
        }
        return Optional.of(new DeviceReading(time(document), true, energyWh, exportWh, powerW));
    }

    private long register(DocumentContext document, JsonPath path) throws MessageFormatException {
        BigDecimal value = number(document, path);
        if (value.signum() < 0) {
            throw new MessageFormatException(path.getPath() + " is negative (" + value.toPlainString() + " " + unit + "): a cumulative register never is");
        }
        return unit.toWattHours(value).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static BigDecimal number(DocumentContext document, JsonPath path) throws MessageFormatException {
        return decimal(read(document, path), path);
    }

    private static BigDecimal decimal(Object value, JsonPath path) throws MessageFormatException {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw new MessageFormatException(path.getPath() + " is " + (value == null ? "null" : "'" + value + "'") + ", not a number");
    }

    private Instant time(DocumentContext document) throws MessageFormatException {
        Object value = read(document, time);
        if (value instanceof Number) {
            BigDecimal seconds = decimal(value, time);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(deviceZone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new MessageFormatException(time.getPath() + " '" + text + "' is not an ISO date-time");
                }
            }
        }
        throw new MessageFormatException(time.getPath() + " is " + value + ", neither epoch seconds nor an ISO date-time");
    }

    private static Object read(DocumentContext document, JsonPath path) throws MessageFormatException {
        try {
            return document.read(path);
        } catch (PathNotFoundException e) {
            throw new MessageFormatException("message has nothing at " + path.getPath());
        }
    }

    private static JsonPath compile(String name, String path) {
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(name + " '" + path + "' is not a JSONPath: " + e.getMessage(), e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
