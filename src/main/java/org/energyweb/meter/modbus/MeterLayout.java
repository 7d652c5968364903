package org.energyweb.meter.modbus;

/** Where a meter keeps its values and how to decode them: discovered (SunSpec) or declared (a map). */
public interface MeterLayout {

    DeviceDescription description();

    /** Reads the current values; a value that cannot be trusted is an exception, never a number. */
    MeterValues read(RegisterReader reader) throws ModbusReadException;
}
