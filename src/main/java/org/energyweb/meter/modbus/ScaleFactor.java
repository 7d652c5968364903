package org.energyweb.meter.modbus;

import java.math.BigDecimal;

/** SunSpec scale factors: a signed power of ten, {@code value = raw * 10^sf}, 0x8000 meaning "none". */
final class ScaleFactor {

    /** SunSpec limits scale factors to -10..10; anything else is a misread register. */
    private static final int LIMIT = 10;

    private ScaleFactor() {
    }

    /** The multiplier, or null when the register holds "not implemented". */
    static BigDecimal multiplier(int register) throws ModbusReadException {
        BigDecimal exponent = RegisterType.INT16.decode(register);
        if (exponent == null) {
            return null;
        }
        int sf = exponent.intValueExact();
        if (sf < -LIMIT || sf > LIMIT) {
            throw new ModbusReadException("scale factor " + sf + " is outside -10..10");
        }
        return BigDecimal.ONE.scaleByPowerOfTen(sf);
    }
}
