package org.energyweb.meter.modbus;

import java.util.Locale;

/** Which register of a multi-register value holds its most significant word. */
public enum WordOrder {
    /** The Modbus and SunSpec convention: the first register holds the high word. */
    HIGH_FIRST,
    /** "Swapped" or "little-endian word" devices: the first register holds the low word. */
    LOW_FIRST;

    /** Accepts {@code high-first}/{@code big} and {@code low-first}/{@code little}, as vendor manuals say it. */
    public static WordOrder parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "high-first":
            case "big":
                return HIGH_FIRST;
            case "low-first":
            case "little":
                return LOW_FIRST;
            default:
                throw new IllegalArgumentException("unknown word order '" + name + "' (expected high-first or low-first)");
        }
    }
}
