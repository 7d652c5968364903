package org.energyweb.meter.modbus;

import java.util.Locale;

/** The order of the two bytes inside each 16-bit register. */
public enum RegisterByteOrder {
    /** The Modbus convention: high byte first. */
    BIG,
    /** Devices that put the low byte of each register first. */
    LITTLE;

    public static RegisterByteOrder parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "big":
                return BIG;
            case "little":
                return LITTLE;
            default:
                throw new IllegalArgumentException("unknown byte order '" + name + "' (expected big or little)");
        }
    }

    int apply(int register) {
        return this == BIG ? register : ((register & 0xFF) << 8) | ((register >> 8) & 0xFF);
    }
}
