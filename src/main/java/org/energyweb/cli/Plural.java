package org.energyweb.cli;

/** A count with its noun in the right number, for messages: "1 meter", "3 meters", "0 meters". */
public final class Plural {

    private Plural() {
    }

    /** {@code count} and {@code noun}, with an "s" unless the count is one. */
    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
