package org.energyweb.meter.dsmr;

import org.energyweb.meter.link.CharFormat;
import org.energyweb.meter.link.MeterLink;
import org.energyweb.meter.link.SerialLink;

import java.time.Duration;

/**
 * Where one P1 port is read and how its telegrams become readings.
 *
 * @param meterId     the electricity meter's chain
 * @param link        the ser2net / P1-to-Wi-Fi bridge, or the serial device of a P1 cable
 * @param gasMeterId  the gas meter's chain, or null to leave the gas meter out
 * @param gasWhPerM3  the calorific value the gas register is converted with (Wh per m3), when gas is read
 * @param readTimeout how long without a byte before the bridge counts as not answering
 */
public record DsmrSettings(String meterId, MeterLink link, String gasMeterId, long gasWhPerM3, Duration readTimeout) {

    /**
     * The line settings of a P1 port on a serial device: DSMR 5.0.2 and e-MUCS (P1 Companion Standard 5.0.2, 4.2:
     * 115200 baud, 8N1). DSMR 4.x ports send 115200 7E1, DSMR 2.2 and 3.0 ports 9600 7E1.
     */
    public static final int SERIAL_BAUD = 115_200;
    public static final CharFormat SERIAL_FORMAT = CharFormat.parse("8N1");

    public DsmrSettings {
        if (link == null) {
            throw new IllegalArgumentException("the P1 bridge or serial device is required");
        }
        if (gasMeterId != null && gasMeterId.isBlank()) {
            gasMeterId = null;
        }
        if (gasMeterId != null && gasWhPerM3 <= 0) {
            throw new IllegalArgumentException("reading gas meter " + gasMeterId
                    + " needs gasWhPerM3, the calorific value of the gas in Wh per m3 (about 9769 for Dutch G-gas)");
        }
    }

    public String source() {
        return "dsmr:" + link.address();
    }

    /** What the meter is read through, as faults name it. */
    String peer() {
        return link instanceof SerialLink ? "P1 port" : "P1 bridge";
    }
}
