package org.energyweb.ipfs.cid;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 varints, as multiformats and protobuf use them. */
public final class Varint {

    private Varint() {
    }

    public static void write(long value, ByteArrayOutputStream out) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    public static int size(long value) {
        int size = 1;
        long rest = value >>> 7;
        while (rest != 0) {
            size++;
            rest >>>= 7;
        }
        return size;
    }

    /** Reads a varint at {@code position[0]} and advances it. */
    public static long read(byte[] bytes, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= bytes.length) {
                throw new IllegalArgumentException("truncated varint");
            }
            int b = bytes[position[0]++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 64 bits");
    }
}
