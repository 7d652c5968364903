package org.energyweb.reading;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The one time format of reading documents, {@code 2026-11-24T12:00:00.000Z} (UTC, milliseconds,
 * always 24 characters), written and read by hand: DateTimeFormatter costs microseconds per
 * document, which dominates appending and verifying millions of them.
 */
public final class UtcTime {

    private static final int LENGTH = 24;

    private UtcTime() {
    }

    public static String format(Instant time) {
        long epochMillis = time.toEpochMilli();
        long epochDay = Math.floorDiv(epochMillis, 86_400_000L);
        int millisOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException("time " + time + " is outside years 0000-9999");
        }
        char[] out = new char[LENGTH];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, millisOfDay / 3_600_000, 2);
        out[13] = ':';
        digits(out, 14, millisOfDay / 60_000 % 60, 2);
        out[16] = ':';
        digits(out, 17, millisOfDay / 1000 % 60, 2);
        out[19] = '.';
        digits(out, 20, millisOfDay % 1000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    /** @throws IllegalArgumentException unless {@code text} is exactly in the document format */
    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            throw new IllegalArgumentException("not a UTC time like 2026-01-31T12:00:00.000Z: " + text);
        }
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            throw new IllegalArgumentException("not a valid time of day: " + text);
        }
        LocalDate date;
        try {
            date = LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid date: " + text);
        }
        long millis = date.toEpochDay() * 86_400_000L + ((hour * 60L + minute) * 60 + second) * 1000 + number(text, 20, 3);
        return Instant.ofEpochMilli(millis);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a UTC time like 2026-01-31T12:00:00.000Z: " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
