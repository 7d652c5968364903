package org.energyweb.meter.camel;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How a meter source keeps its connection to a meter that pushes its values: the option group of every streaming meter
 * endpoint (dsmr-meter:, sml-meter:).
 */
@UriParams
public class StreamingMeterOptions {

    @UriParam(defaultValue = "30000", description = "Milliseconds without a whole message (a DSMR telegram, an SML file) before the bridge"
            + " counts as not answering (DSMR 4 sends every 10 s, DSMR 5 every second, SML meters push every 1 to 4 s)")
    private long readTimeout = 30_000;
    @UriParam(defaultValue = "1000", description = "Milliseconds to wait before connecting again after the bridge was unreachable")
    private long reconnectDelay = 1000;

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }
}
