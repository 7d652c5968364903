package org.energyweb.meter.mbus;

import org.energyweb.meter.link.CharFormat;
import org.energyweb.meter.link.MeterLink;
import org.openmuc.jmbus.SecondaryAddress;

import java.time.Duration;
import java.util.HexFormat;

/**
 * Where one wired M-Bus meter is reached, through an M-Bus-to-TCP gateway or a level converter on a serial device,
 * and which of its energy records is the register.
 *
 * @param primaryAddress   the meter's primary address (0-250), used when no secondary address is given
 * @param secondaryAddress the meter's secondary address as the 16 hex digits of its long header (identification
 *                         number, manufacturer, version, medium, as the bytes go on the wire), or null; a meter
 *                         selected by it is read at address 253 (EN 13757-3)
 * @param storageNumber    the storage number of the energy record (0: the current value; higher: stored values such
 *                         as the last billing date's)
 * @param tariff           the tariff of the energy record (0: the total; 1, 2: the meter's tariff registers)
 * @param timeout          how long a request may wait for the gateway's answer
 */
public record MbusSettings(String meterId, MeterLink link, int primaryAddress, String secondaryAddress, long storageNumber, int tariff,
                           Duration timeout) {

    /** The line settings of an M-Bus level converter on a serial device: 2400 baud (meters' factory setting), 8E1 (EN 13757-2). */
    public static final int SERIAL_BAUD = 2400;
    public static final CharFormat SERIAL_FORMAT = CharFormat.parse("8E1");

    /** The address a meter selected by its secondary address answers at (EN 13757-3). */
    static final int SELECTED = 0xFD;

    public MbusSettings {
        if (link == null) {
            throw new IllegalArgumentException("the M-Bus gateway or serial device is required");
        }
        if (secondaryAddress != null && secondaryAddress.isBlank()) {
            secondaryAddress = null;
        }
        if (secondaryAddress == null && (primaryAddress < 0 || primaryAddress > 250)) {
            throw new IllegalArgumentException("primary address " + primaryAddress + " is not an M-Bus primary address (0-250)");
        }
        if (secondaryAddress != null && !secondaryAddress.matches("[0-9A-Fa-f]{16}")) {
            throw new IllegalArgumentException("secondary address '" + secondaryAddress + "' is not the 16 hex digits of a long header");
        }
        if (storageNumber < 0 || tariff < 0) {
            throw new IllegalArgumentException("storage number and tariff are not negative");
        }
    }

    SecondaryAddress secondary() {
        return SecondaryAddress.newFromLongHeader(HexFormat.of().parseHex(secondaryAddress), 0);
    }

    public String source() {
        return "mbus:" + link.address() + "/" + (secondaryAddress == null ? String.valueOf(primaryAddress) : secondaryAddress.toLowerCase());
    }
}
