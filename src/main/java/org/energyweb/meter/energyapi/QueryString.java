package org.energyweb.meter.energyapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.StringJoiner;

/** Builds {@code ?a=1&b=2}, percent-encoding values; times are sent as RFC 3339 in UTC. */
final class QueryString {

    private final StringJoiner joiner = new StringJoiner("&", "?", "");

    QueryString add(String name, Object value) {
        String text = value instanceof Instant instant ? DateTimeFormatter.ISO_INSTANT.format(instant) : String.valueOf(value);
        joiner.add(name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public String toString() {
        return joiner.toString();
    }

    static String pathSegment(String value) {
        // URLEncoder encodes for forms (space as '+'); in a path a space must be %20.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
