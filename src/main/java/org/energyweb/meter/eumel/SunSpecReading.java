package org.energyweb.meter.eumel;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The points of one device of a SunSpec XML document that a reading needs, already in Wh and W.
 *
 * @param importWh the TotWhImp register
 * @param exportWh the TotWhExp register, or null when the device has none
 * @param powerW   the W point, or null
 */
public record SunSpecReading(String manufacturer, String model, String serialNumber, Instant time,
                             BigDecimal importWh, BigDecimal exportWh, BigDecimal powerW) {
}
