package org.energyweb.meter.energyapi;

import java.util.Locale;

/** Which register of a device the Energy API v1/v2 is asked for; the path segment of the request. */
public enum Direction {
    PRODUCED, CONSUMED;

    public String pathSegment() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction parse(String text) {
        for (Direction direction : values()) {
            if (direction.pathSegment().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return direction;
            }
        }
        throw new IllegalArgumentException("direction must be 'produced' or 'consumed', not '" + text + "'");
    }
}
