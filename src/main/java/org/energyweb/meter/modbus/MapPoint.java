package org.energyweb.meter.modbus;

import java.math.BigDecimal;

/**
 * One value of a register-mapped meter, with every address already made 0-based.
 *
 * @param scale              constant multiplier of the raw value (1 when not given)
 * @param scaleFactorAddress 0-based address of a SunSpec-style scale-factor register (10^sf), or null
 * @param unitFactor         Wh (energy points) or W (power) per unit of the scaled value
 */
public record MapPoint(String name, int address, RegisterType type, WordOrder wordOrder, RegisterByteOrder byteOrder,
                       BigDecimal scale, Integer scaleFactorAddress, BigDecimal unitFactor) {

    /** The highest register address this point reads, scale-factor register included. */
    int lastAddress() {
        int last = address + type.registers() - 1;
        return scaleFactorAddress == null ? last : Math.max(last, scaleFactorAddress);
    }
}
