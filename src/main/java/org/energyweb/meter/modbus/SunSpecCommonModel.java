package org.energyweb.meter.modbus;

import java.util.List;

/** Model 1: who made the device. Offsets from the ID register: Mn 2, Md 18, SN 50, 16 registers each. */
final class SunSpecCommonModel {

    private static final int MANUFACTURER = 2;
    private static final int MODEL = 18;
    private static final int SERIAL = 50;
    private static final int STRING_REGISTERS = 16;
    private static final int SPAN = SERIAL + STRING_REGISTERS;

    private SunSpecCommonModel() {
    }

    static DeviceDescription read(RegisterReader reader, SunSpecModel common, List<Integer> modelIds) throws ModbusReadException {
        if (common.length() + 2 < SPAN) {
            throw new ModbusReadException("SunSpec common model at " + common.start() + " is too short (L " + common.length() + ", need 64)");
        }
        int[] registers = reader.read(RegisterTable.HOLDING, common.start(), SPAN);
        return new DeviceDescription(
                RegisterDecoder.string(registers, MANUFACTURER, STRING_REGISTERS),
                RegisterDecoder.string(registers, MODEL, STRING_REGISTERS),
                RegisterDecoder.string(registers, SERIAL, STRING_REGISTERS),
                modelIds);
    }
}
