package org.energyweb.meter.modbus;

import java.util.Locale;

/** The two Modbus register tables a meter exposes its values in. */
public enum RegisterTable {
    HOLDING("holding-register"),
    INPUT("input-register");

    private final String plc4xPrefix;

    RegisterTable(String plc4xPrefix) {
        this.plc4xPrefix = plc4xPrefix;
    }

    /** The PLC4X tag prefix; PLC4X numbers registers from 1, so the 0-based address is shifted here. */
    String plc4xTag(int address, int count) {
        return plc4xPrefix + ":" + (address + 1) + ":UINT[" + count + "]";
    }

    public static RegisterTable parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown register table '" + name + "' (expected holding or input)");
        }
    }
}
