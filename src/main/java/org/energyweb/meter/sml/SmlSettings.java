package org.energyweb.meter.sml;

import java.time.Duration;

/**
 * Where one SML meter's optical reading head is served over TCP (ser2net, Wi-Fi reading heads such as Tasmota's
 * TCP bridge or the volkszaehler IR head on a ser2net port).
 *
 * @param readTimeout how long without a whole SML file before the bridge counts as not answering
 */
public record SmlSettings(String meterId, String host, int port, Duration readTimeout) {

    public SmlSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the SML reading head's host is required");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
        }
    }

    public String source() {
        return "sml:" + host + ":" + port;
    }
}
