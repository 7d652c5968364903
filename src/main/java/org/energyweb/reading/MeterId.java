package org.energyweb.reading;

import java.util.regex.Pattern;

/**
 * Meter ids name hash chains, export folders and on-chain assets, so they are restricted to a
 * portable alphabet: letters, digits, dot, dash and underscore, 1 to 64 characters.
 */
public final class MeterId {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

    private MeterId() {
    }

    public static String require(String meter) {
        if (meter == null || !VALID.matcher(meter).matches()) {
            throw new IllegalArgumentException("invalid meter id '" + meter
                    + "': use 1-64 letters, digits, '.', '-' or '_', not starting with '.' or '-'");
        }
        return meter;
    }
}
