package org.energyweb.meter.dsmr;

import java.time.Duration;

/**
 * Where one P1 port is served and how its telegrams become readings.
 *
 * @param meterId     the electricity meter's chain
 * @param host        the ser2net / P1-to-Wi-Fi bridge
 * @param gasMeterId  the gas meter's chain, or null to leave the gas meter out
 * @param gasWhPerM3  the calorific value the gas register is converted with (Wh per m3), when gas is read
 * @param readTimeout how long without a byte before the bridge counts as not answering
 */
public record DsmrSettings(String meterId, String host, int port, String gasMeterId, long gasWhPerM3, Duration readTimeout) {

    public DsmrSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the P1 bridge's host is required");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
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
        return "dsmr:" + host + ":" + port;
    }
}
