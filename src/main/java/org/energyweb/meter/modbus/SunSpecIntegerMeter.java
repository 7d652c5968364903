package org.energyweb.meter.modbus;

import java.math.BigDecimal;

/**
 * Meter models 201-204 (single, split, wye, delta phase): int16 points with scale factors and acc32
 * energy counters. Offsets from the model's ID register; the four models share this layout.
 */
final class SunSpecIntegerMeter {

    static final int W = 18;
    static final int W_SF = 22;
    static final int TOT_WH_EXP = 38;
    static final int TOT_WH_IMP = 46;
    static final int TOT_WH_SF = 54;
    private static final int SPAN = TOT_WH_SF + 1;

    private SunSpecIntegerMeter() {
    }

    static MeterValues read(RegisterReader reader, SunSpecModel model) throws ModbusReadException {
        int[] registers = SunSpecLayout.registers(reader, model, SPAN);
        BigDecimal energyScale = scaleFactor(registers, model, TOT_WH_SF, "TotWh_SF");
        if (energyScale == null) {
            throw new ModbusReadException("TotWh_SF at " + model.address(TOT_WH_SF)
                    + " holds the 'not implemented' value 0x8000: the energy registers cannot be scaled", registers);
        }
        return new MeterValues(
                counter(registers, model, TOT_WH_IMP, "TotWhImp", energyScale),
                counter(registers, model, TOT_WH_EXP, "TotWhExp", energyScale),
                power(registers, model));
    }

    private static EnergyCounter counter(int[] registers, SunSpecModel model, int offset, String point, BigDecimal scale) {
        BigDecimal count = RegisterType.ACC32.decode(RegisterDecoder.bits(registers, offset, 2, WordOrder.HIGH_FIRST, RegisterByteOrder.BIG));
        if (count == null) {
            return EnergyCounter.absent(point, point + " at " + model.address(offset) + " holds the 'not implemented' value 0 (acc32)");
        }
        return EnergyCounter.of(point, count, scale, true);
    }

    private static BigDecimal power(int[] registers, SunSpecModel model) throws ModbusReadException {
        BigDecimal scale = scaleFactor(registers, model, W_SF, "W_SF");
        BigDecimal watts = RegisterType.INT16.decode(registers[W]);
        return scale == null || watts == null ? null : watts.multiply(scale);
    }

    private static BigDecimal scaleFactor(int[] registers, SunSpecModel model, int offset, String point) throws ModbusReadException {
        try {
            return ScaleFactor.multiplier(registers[offset]);
        } catch (ModbusReadException e) {
            throw new ModbusReadException(point + " at " + model.address(offset) + ": " + e.getMessage(), registers);
        }
    }
}
