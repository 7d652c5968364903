package org.energyweb.meter.modbus;

/** Assembles the registers of one value into its bits, honouring the device's word and byte order. */
public final class RegisterDecoder {

    private RegisterDecoder() {
    }

    /** The value's bits, right-aligned in a long (sign and meaning are up to {@link RegisterType}). */
    public static long bits(int[] registers, int offset, int count, WordOrder wordOrder, RegisterByteOrder byteOrder) {
        if (offset < 0 || offset + count > registers.length) {
            throw new IllegalArgumentException("a " + count + "-register value at " + offset + " does not fit into " + registers.length + " registers");
        }
        long bits = 0;
        for (int i = 0; i < count; i++) {
            int index = wordOrder == WordOrder.HIGH_FIRST ? offset + i : offset + count - 1 - i;
            bits = (bits << 16) | byteOrder.apply(registers[index] & 0xFFFF);
        }
        return bits;
    }

    /** SunSpec strings: ASCII, two characters per register, padded with NULs (or spaces). */
    public static String string(int[] registers, int offset, int count) {
        StringBuilder text = new StringBuilder(count * 2);
        for (int i = offset; i < offset + count; i++) {
            text.append((char) ((registers[i] >> 8) & 0xFF)).append((char) (registers[i] & 0xFF));
        }
        int end = text.indexOf("\0");
        return (end < 0 ? text.toString() : text.substring(0, end)).trim();
    }
}
