package org.energyweb.meter.modbus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a value is laid out in registers, and which raw value SunSpec reserves for "not implemented"
 * (such a register has no value: decoding it yields null, never a number).
 */
public enum RegisterType {
    INT16(1, true),
    UINT16(1, false),
    INT32(2, true),
    UINT32(2, false),
    /** SunSpec's accumulator: an unsigned 32-bit counter that wraps, 0 meaning "not implemented". */
    ACC32(2, false),
    FLOAT32(2, true),
    INT64(4, true),
    UINT64(4, false);

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private final int registers;
    private final boolean signed;

    RegisterType(int registers, boolean signed) {
        this.registers = registers;
        this.signed = signed;
    }

    public int registers() {
        return registers;
    }

    /** The value as a decimal, or null when the registers hold the type's "not implemented" value. */
    public BigDecimal decode(long bits) {
        switch (this) {
            case FLOAT32: {
                float value = Float.intBitsToFloat((int) bits);
                return Float.isFinite(value) ? new BigDecimal(Float.toString(value)) : null;
            }
            case ACC32:
                return bits == 0 ? null : BigDecimal.valueOf(bits);
            case UINT64:
                return bits == -1L ? null : new BigDecimal(bits < 0 ? BigInteger.valueOf(bits).add(TWO_TO_64) : BigInteger.valueOf(bits));
            default:
                return bits == notImplemented() ? null : BigDecimal.valueOf(signed ? signExtend(bits) : bits);
        }
    }

    private long notImplemented() {
        int bitCount = registers * 16;
        if (signed) {
            return bitCount == 64 ? Long.MIN_VALUE : 1L << (bitCount - 1);
        }
        return bitCount == 64 ? -1L : (1L << bitCount) - 1;
    }

    private long signExtend(long bits) {
        int shift = 64 - registers * 16;
        return (bits << shift) >> shift;
    }

    public static RegisterType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown type '" + name + "' (expected " + names() + ")");
        }
    }

    private static String names() {
        return Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
