package org.energyweb.meter.modbus;

import java.util.Map;
import java.util.TreeMap;

/**
 * Register contents a test server serves, written the way a device vendor lays them out:
 * values are encoded here independently of the production decoder.
 */
public final class RegisterImage {

    private final Map<Integer, Integer> words = new TreeMap<>();

    public Map<Integer, Integer> words() {
        return words;
    }

    public RegisterImage word(int address, int value) {
        words.put(address, value & 0xFFFF);
        return this;
    }

    public RegisterImage int16(int address, int value) {
        return word(address, value);
    }

    /** A 32-bit value, high word first (Modbus and SunSpec convention). */
    public RegisterImage uint32(int address, long value) {
        return word(address, (int) (value >>> 16)).word(address + 1, (int) value);
    }

    /** A 32-bit value with swapped words: the low word first. */
    public RegisterImage uint32LowWordFirst(int address, long value) {
        return word(address, (int) value).word(address + 1, (int) (value >>> 16));
    }

    public RegisterImage float32(int address, float value) {
        return uint32(address, Float.floatToRawIntBits(value) & 0xFFFFFFFFL);
    }

    public RegisterImage int64(int address, long value) {
        for (int i = 0; i < 4; i++) {
            word(address + i, (int) (value >>> (48 - 16 * i)));
        }
        return this;
    }

    /** An ASCII string in {@code registers} registers, NUL padded. */
    public RegisterImage string(int address, String text, int registers) {
        byte[] bytes = new byte[registers * 2];
        byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, Math.min(ascii.length, bytes.length));
        for (int i = 0; i < registers; i++) {
            word(address + i, ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
        }
        return this;
    }

    /** {@code count} zero registers: a model's points that the device leaves at 0. */
    public RegisterImage zeros(int address, int count) {
        for (int i = 0; i < count; i++) {
            word(address + i, 0);
        }
        return this;
    }
}
