package org.energyweb.meter.link;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The character format of a serial line: data bits, parity, stop bits; written as usual, e.g. {@code 8N1}, {@code 7E1}. */
public record CharFormat(int dataBits, Parity parity, StopBits stopBits) {

    private static final Pattern NOTATION = Pattern.compile("([5-8])([NEOMS])(1|1\\.5|2)");

    public CharFormat {
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits " + dataBits + " are not 5 to 8");
        }
        if (parity == null || stopBits == null) {
            throw new IllegalArgumentException("parity and stop bits are required");
        }
    }

    /** @param notation such as 8N1, 7E1, 8E1, 8N2 */
    public static CharFormat parse(String notation) {
        Matcher matcher = NOTATION.matcher(notation == null ? "" : notation.toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + notation + "' is not a character format such as 8N1, 7E1 or 8E1");
        }
        char letter = matcher.group(2).charAt(0);
        for (Parity parity : Parity.values()) {
            if (parity.name().charAt(0) == letter) {
                return new CharFormat(Integer.parseInt(matcher.group(1)), parity, StopBits.of(matcher.group(3)));
            }
        }
        throw new IllegalStateException("the pattern admits no parity letter " + letter);
    }

    @Override
    public String toString() {
        return dataBits + parity.name().substring(0, 1) + stopBits.text();
    }

    public enum Parity {
        NONE, EVEN, ODD, MARK, SPACE
    }

    public enum StopBits {
        ONE("1"), ONE_POINT_FIVE("1.5"), TWO("2");

        private final String text;

        StopBits(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** @param text 1, 1.5 or 2 */
        public static StopBits of(String text) {
            for (StopBits stopBits : values()) {
                if (stopBits.text.equals(text)) {
                    return stopBits;
                }
            }
            throw new IllegalArgumentException("stop bits '" + text + "' are not 1, 1.5 or 2");
        }
    }
}
