package org.energyweb.meter.dsmr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and splits a P1 telegram ({@code /XXX5Ident CR LF CR LF objects... !CRC CR LF}). The CRC covers
 * every byte from '/' to '!' inclusive; a telegram without one (DSMR 2.2/3, which had none) or with a
 * wrong one is refused, because a corrupted digit on the serial line would otherwise become a reading.
 */
public final class DsmrTelegramParser {

    private DsmrTelegramParser() {
    }

    public static DsmrTelegram parse(byte[] telegram) throws DsmrFormatException {
        String text = new String(telegram, StandardCharsets.US_ASCII);
        int start = text.indexOf('/');
        int end = text.indexOf('!', Math.max(start, 0));
        if (start < 0 || end < 0) {
            throw new DsmrFormatException("not a P1 telegram: no '/' header or no '!' end");
        }
        String crcText = text.substring(end + 1).strip();
        if (crcText.isEmpty()) {
            throw new DsmrFormatException("telegram has no CRC after '!' (DSMR 4.0 and later always send one)");
        }
        if (!crcText.matches("[0-9A-Fa-f]{4}")) {
            throw new DsmrFormatException("telegram CRC '" + crcText + "' is not 4 hex digits");
        }
        int expected = Integer.parseInt(crcText, 16);
        int actual = Crc16Arc.of(telegram, start, end + 1);
        if (expected != actual) {
            throw new DsmrFormatException(String.format("CRC mismatch: telegram says %04X, its bytes give %04X", expected, actual));
        }
        String[] lines = text.substring(start + 1, end).split("\r?\n");
        return new DsmrTelegram(lines[0].strip(), objects(lines), telegram);
    }

    private static Map<String, List<String>> objects(String[] lines) throws DsmrFormatException {
        Map<String, List<String>> objects = new LinkedHashMap<>();
        String pending = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            // An object may continue on the next line (the DSMR 3 gas value did); join until it ends in ')'.
            pending = pending == null ? line : pending + line;
            if (pending.endsWith(")")) {
                add(objects, pending);
                pending = null;
            }
        }
        if (pending != null) {
            throw new DsmrFormatException("unterminated object line: " + pending);
        }
        return objects;
    }

    private static void add(Map<String, List<String>> objects, String line) throws DsmrFormatException {
        int open = line.indexOf('(');
        if (open <= 0) {
            throw new DsmrFormatException("object line without OBIS reference: " + line);
        }
        List<String> values = new ArrayList<>();
        int at = open;
        while (at < line.length()) {
            if (line.charAt(at) != '(') {
                throw new DsmrFormatException("malformed object line: " + line);
            }
            int close = line.indexOf(')', at);
            if (close < 0) {
                throw new DsmrFormatException("malformed object line: " + line);
            }
            values.add(line.substring(at + 1, close));
            at = close + 1;
        }
        objects.put(line.substring(0, open), List.copyOf(values));
    }
}
