package org.energyweb.reading;

/**
 * Meter ids name hash chains, export folders and on-chain assets, so they are restricted to a
 * portable alphabet: letters, digits, dot, dash and underscore, 1 to 64 characters.
 */
public final class MeterId {


    private MeterId() {
    }

    public static String require(String meter) {
        if (!isValid(meter)) {
            throw new IllegalArgumentException("invalid meter id '" + meter
                    + "': use 1-64 letters, digits, '.', '-' or '_', not starting with '.' or '-'");
        }
        return meter;
    }

    private static boolean isValid(String meter) {
        if (meter == null || meter.isEmpty() || meter.length() > 64 || meter.charAt(0) == '.' || meter.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < meter.length(); i++) {
            char c = meter.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
