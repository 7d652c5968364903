package org.energyweb.meter.modbus;

/**
 * A device that could not be read (no connection, timeout, Modbus exception) or whose registers
 * cannot be interpreted (no SunSpec marker, a "not implemented" value, a bad scale factor).
 * The caller turns it into a {@link org.energyweb.reading.MeterFault}: never into a number.
 */
public class ModbusReadException extends Exception {

    private final boolean illegalAddress;
    private final boolean unreachable;
    private final transient int[] registers;

    public ModbusReadException(String reason) {
        this(reason, false, null, null);
    }

    public ModbusReadException(String reason, int[] registers) {
        this(reason, false, registers, null);
    }

    public ModbusReadException(String reason, boolean illegalAddress, int[] registers, Throwable cause) {
        this(reason, illegalAddress, false, registers, cause);
    }

    private ModbusReadException(String reason, boolean illegalAddress, boolean unreachable, int[] registers, Throwable cause) {
        super(reason, cause);
        this.illegalAddress = illegalAddress;
        this.unreachable = unreachable;
        this.registers = registers;
    }

    /** The device could not be reached: no connection, no answer in time, or the link dropped. */
    public static ModbusReadException unreachable(String reason, Throwable cause) {
        return new ModbusReadException(reason, false, true, null, cause);
    }

    /** True when the device did not answer at all, as opposed to answering with an error or unusable registers. */
    public boolean unreachable() {
        return unreachable;
    }

    /** True when the device answered with Modbus exception 2: there is nothing at that address. */
    public boolean illegalAddress() {
        return illegalAddress;
    }

    /** The raw registers behind the fault as big-endian bytes, kept with the dead letter; null if none. */
    public byte[] payload() {
        if (registers == null) {
            return null;
        }
        byte[] bytes = new byte[registers.length * 2];
        for (int i = 0; i < registers.length; i++) {
            bytes[2 * i] = (byte) (registers[i] >> 8);
            bytes[2 * i + 1] = (byte) registers[i];
        }
        return bytes;
    }
}
