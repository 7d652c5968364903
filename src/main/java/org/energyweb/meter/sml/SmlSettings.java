package org.energyweb.meter.sml;

import org.energyweb.meter.link.CharFormat;
import org.energyweb.meter.link.MeterLink;

import java.time.Duration;

/**
 * Where one SML meter's optical reading head is read: over TCP (ser2net, Wi-Fi reading heads such as Tasmota's TCP
 * bridge or the volkszaehler IR head on a ser2net port) or on a serial device of the gateway (a USB reading head).
 *
 * @param readTimeout how long without a whole SML file before the head counts as not answering
 */
public record SmlSettings(String meterId, MeterLink link, Duration readTimeout) {

    /** The line settings of an optical reading head on a serial device: SML meters send 9600 baud, 8N1 (BSI TR-03109-1). */
    public static final int SERIAL_BAUD = 9600;
    public static final CharFormat SERIAL_FORMAT = CharFormat.parse("8N1");

    public SmlSettings {
        if (link == null) {
            throw new IllegalArgumentException("the SML reading head's bridge or serial device is required");
        }
    }

    public String source() {
        return "sml:" + link.address();
    }
}
