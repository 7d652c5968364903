package org.energyweb.meter.modbus;

/** Reads raw 16-bit registers from one device; decoding is left to the caller. */
public interface RegisterReader {

    /**
     * @param address 0-based register address (the protocol's own numbering)
     * @return {@code count} registers as unsigned 16-bit values
     */
    int[] read(RegisterTable table, int address, int count) throws ModbusReadException;
}
