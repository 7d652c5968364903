package org.energyweb.meter.modbus;

/**
 * SunSpec register layouts as a device serves them: marker, common model (ID 1, L 66), one meter
 * model with all its registers, then the end-of-chain marker. Points are set through the offsets
 * of the SunSpec model definitions (from the model's ID register).
 */
public final class SunSpecImages {

    public static final int BASE = 40000;
    public static final int COMMON = BASE + 2;
    public static final int METER = COMMON + 2 + 66;

    private SunSpecImages() {
    }

    public static RegisterImage device(int base, int meterModel, int meterLength) {
        int common = base + 2;
        int meter = common + 2 + 66;
        return new RegisterImage()
                .string(base, "SunS", 2)
                .word(common, 1).word(common + 1, 66).zeros(common + 2, 66)
                .string(common + 2, "Energyweb Test Meters", 16)
                .string(common + 18, "EW-" + meterModel, 16)
                .string(common + 50, "SN-0042-" + meterModel, 16)
                .word(meter, meterModel).word(meter + 1, meterLength).zeros(meter + 2, meterLength)
                .word(meter + 2 + meterLength, 0xFFFF).word(meter + 3 + meterLength, 0);
    }

    /** A wye three-phase integer meter (model 203, L 105) at 40000. */
    public static RegisterImage model203(long totWhImp, long totWhExp, int totWhSf, int watts, int wattsSf) {
        return device(BASE, 203, 105)
                .uint32(METER + 46, totWhImp)
                .uint32(METER + 38, totWhExp)
                .int16(METER + 54, totWhSf)
                .int16(METER + 18, watts)
                .int16(METER + 22, wattsSf);
    }

    /** A wye three-phase float meter (model 213, L 124) at 40000. */
    public static RegisterImage model213(float totWhImp, float totWhExp, float watts) {
        return device(BASE, 213, 124)
                .float32(METER + 68, totWhImp)
                .float32(METER + 60, totWhExp)
                .float32(METER + 28, watts);
    }
}
