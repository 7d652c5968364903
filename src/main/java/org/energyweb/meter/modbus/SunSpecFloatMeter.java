package org.energyweb.meter.modbus;

import java.math.BigDecimal;

/**
 * Meter models 211-214: float32 points in W and Wh, NaN meaning "not implemented".
 * Offsets from the model's ID register.
 */
final class SunSpecFloatMeter {

    static final int W = 28;
    static final int TOT_WH_EXP = 60;
    static final int TOT_WH_IMP = 68;
    private static final int SPAN = TOT_WH_IMP + 2;

    private SunSpecFloatMeter() {
    }

    static MeterValues read(RegisterReader reader, SunSpecModel model) throws ModbusReadException {
        int[] registers = SunSpecLayout.registers(reader, model, SPAN);
        return new MeterValues(
                counter(registers, model, TOT_WH_IMP, "TotWhImp"),
                counter(registers, model, TOT_WH_EXP, "TotWhExp"),
                float32(registers, W));
    }

    private static EnergyCounter counter(int[] registers, SunSpecModel model, int offset, String point) {
        BigDecimal wattHours = float32(registers, offset);
        if (wattHours == null) {
            return EnergyCounter.absent(point, point + " at " + model.address(offset) + " is NaN ('not implemented')");
        }
        return EnergyCounter.of(point, wattHours, BigDecimal.ONE, false);
    }

    private static BigDecimal float32(int[] registers, int offset) {
        return RegisterType.FLOAT32.decode(RegisterDecoder.bits(registers, offset, 2, WordOrder.HIGH_FIRST, RegisterByteOrder.BIG));
    }
}
