package org.energyweb.meter.dsmr;

/**
 * CRC-16/ARC (polynomial x^16 + x^15 + x^2 + 1, reflected as 0xA001, initial value 0, no final XOR):
 * the check a DSMR 4.x/5.x meter puts after the '!' of each P1 telegram.
 */
public final class Crc16Arc {

    private static final int[] TABLE = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            int crc = b;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[b] = crc;
        }
    }

    private Crc16Arc() {
    }

    /** The CRC of {@code data[from..to)}. */
    public static int of(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
