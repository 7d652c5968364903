package org.energyweb.meter.modbus;

/**
 * One block of a SunSpec model chain.
 *
 * @param id     the model id (1 common, 201-204 integer meters, 211-214 float meters...)
 * @param start  0-based address of the block's ID register; points count their offsets from here
 * @param length the block's L: the number of data registers after ID and L
 */
public record SunSpecModel(int id, int start, int length) {

    public boolean isIntegerMeter() {
        return id >= 201 && id <= 204;
    }

    public boolean isFloatMeter() {
        return id >= 211 && id <= 214;
    }

    /** Address of the register {@code offset} registers after the ID register. */
    public int address(int offset) {
        return start + offset;
    }
}
