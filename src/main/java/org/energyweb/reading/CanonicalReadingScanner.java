package org.energyweb.reading;

import java.nio.charset.StandardCharsets;

/**
 * Reads a reading document that is laid out exactly as {@link Reading#toCanonicalJson()} writes it
 * with plain ASCII strings, which is what nearly every stored document is, without a JSON parser:
 * verifying a ledger parses millions of them. It accepts only bytes that are the canonical form of
 * the reading it returns, so no re-encoding is needed; anything else (an escape, a non-ASCII
 * character, another order or spelling) returns null and goes to the general parser, which decides.
 */
final class CanonicalReadingScanner {

    private final byte[] in;
    private int at;

    private CanonicalReadingScanner(byte[] in) {
        this.in = in;
    }

    /** The reading, or null when the bytes are not in the plain canonical layout. */
    static Reading scan(byte[] bytes) {
        return new CanonicalReadingScanner(bytes).reading();
    }

    private Reading reading() {
        if (!literal("{\"down\":")) {
            return null;
        }
        Boolean down = bool();
        Long energyWh = member(",\"energyWh\":") ? integer() : null;
        Long exportWh = member(",\"exportWh\":") ? integer() : null;
        boolean late = member(",\"late\":") && literal("true");
        String meter = member(",\"meter\":") ? string() : null;
        Long powerW = member(",\"powerW\":") ? integer() : null;
        String prev = member(",\"prev\":") ? string() : null;
        Long schema = member(",\"schema\":") ? integer() : null;
        Long seq = member(",\"seq\":") ? integer() : null;
        String source = member(",\"source\":") ? string() : null;
        String time = member(",\"time\":") ? string() : null;
        if (down == null || energyWh == null || meter == null || schema == null || seq == null || source == null || time == null
                || !literal("}") || at != in.length || schema != Reading.SCHEMA) {
            return null;
        }
        try {
            return new Reading(meter, seq, UtcTime.parse(time), energyWh, down, source, prev, exportWh, powerW, late);
        } catch (IllegalArgumentException e) {
            // Well laid out but not a valid reading: the general parser gives the reason.
            return null;
        }
    }

    private boolean member(String name) {
        return at >= 0 && literal(name);
    }

    private boolean literal(String text) {
        if (at < 0 || at + text.length() > in.length) {
            at = -1;
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (in[at + i] != text.charAt(i)) {
                return false;
            }
        }
        at += text.length();
        return true;
    }

    private Boolean bool() {
        if (literal("true")) {
            return Boolean.TRUE;
        }
        return literal("false") ? Boolean.FALSE : null;
    }

    /** An integer as Long.toString writes it: no plus sign, no leading zero, at most 16 digits. */
    private Long integer() {
        boolean negative = at < in.length && in[at] == '-';
        int digitsFrom = negative ? at + 1 : at;
        int end = digitsFrom;
        while (end < in.length && in[end] >= '0' && in[end] <= '9') {
            end++;
        }
        int digits = end - digitsFrom;
        if (digits == 0 || digits > 16 || (digits > 1 && in[digitsFrom] == '0') || (negative && digits == 1 && in[digitsFrom] == '0')) {
            at = -1;
            return null;
        }
        long value = 0;
        for (int i = digitsFrom; i < end; i++) {
            value = value * 10 + (in[i] - '0');
        }
        at = end;
        return negative ? -value : value;
    }

    /** A string of printable ASCII with nothing to escape, the only kind written literally either way. */
    private String string() {
        if (at >= in.length || in[at] != '"') {
            at = -1;
            return null;
        }
        int start = ++at;
        while (at < in.length && in[at] != '"') {
            byte b = in[at];
            if (b < 0x20 || b > 0x7e || b == '\\') {
                at = -1;
                return null;
            }
            at++;
        }
        if (at >= in.length) {
            at = -1;
            return null;
        }
        String value = new String(in, start, at - start, StandardCharsets.US_ASCII);
        at++;
        return value;
    }
}
