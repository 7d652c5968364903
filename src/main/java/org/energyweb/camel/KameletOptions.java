package org.energyweb.camel;

/** How an Energyweb endpoint reads the options a Kamelet hands it. */
public final class KameletOptions {

    private KameletOptions() {
    }

    /** Kamelets pass an option they were not given as an empty string; option setters map it to none. */
    public static String blankAsNone(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
