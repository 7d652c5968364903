package org.energyweb.meter.dsmr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The value formats of P1 objects: quantities {@code 123456.789*kWh} converted exactly (never through a
 * double) and timestamps {@code YYMMDDhhmmssX}, where X is S (summer, CEST, UTC+2) or W (winter, CET, UTC+1)
 * as the Dutch and Belgian meters send them.
 */
public final class DsmrValues {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuMMddHHmmss");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private DsmrValues() {
    }

    /** An energy register in integer Wh, from {@code kWh} (three decimals at most) or {@code Wh}. */
    public static long wattHours(String obis, String value) throws DsmrFormatException {
        return scaled(obis, value, "kWh", "Wh");
    }

    /** A power in integer W, from {@code kW} (three decimals at most) or {@code W}. */
    public static long watts(String obis, String value) throws DsmrFormatException {
        return scaled(obis, value, "kW", "W");
    }

    /** A volume in m3, exactly as sent. */
    public static BigDecimal cubicMetres(String obis, String value) throws DsmrFormatException {
        return quantity(obis, value, "m3");
    }

    private static long scaled(String obis, String value, String kiloUnit, String unit) throws DsmrFormatException {
        String sent = unitOf(value);
        BigDecimal number;
        if (sent.equals(kiloUnit)) {
            number = quantity(obis, value, kiloUnit).multiply(THOUSAND);
        } else {
            number = quantity(obis, value, unit);
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new DsmrFormatException(obis + " value " + value + " is not a whole number of " + unit);
        }
    }

    private static BigDecimal quantity(String obis, String value, String unit) throws DsmrFormatException {
        int star = value.indexOf('*');
        if (star < 0 || !value.substring(star + 1).equals(unit)) {
            throw new DsmrFormatException(obis + " value " + value + " is not in " + unit);
        }
        String digits = value.substring(0, star);
        if (!digits.matches("\\d+(\\.\\d+)?")) {
            throw new DsmrFormatException(obis + " value " + value + " is not a number");
        }
        return new BigDecimal(digits);
    }

    private static String unitOf(String value) {
        int star = value.indexOf('*');
        return star < 0 ? "" : value.substring(star + 1);
    }

    /** A timestamp with its DST flag, as UTC. */
    public static Instant timestamp(String obis, String value) throws DsmrFormatException {
        if (value.length() != 13) {
            throw new DsmrFormatException(obis + " timestamp " + value + " is not YYMMDDhhmmssX");
        }
        ZoneOffset offset = switch (value.charAt(12)) {
            case 'S' -> ZoneOffset.ofHours(2);
            case 'W' -> ZoneOffset.ofHours(1);
            default -> throw new DsmrFormatException(obis + " timestamp " + value + " has no DST flag S or W");
        };
        try {
            return LocalDateTime.parse(value.substring(0, 12), TIMESTAMP).toInstant(offset);
        } catch (DateTimeParseException e) {
            throw new DsmrFormatException(obis + " timestamp " + value + " is not a valid time");
        }
    }
}
