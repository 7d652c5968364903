package org.energyweb.meter.camel;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How often and how patiently a meter source asks a meter that answers when asked: the option group of every polled
 * meter endpoint (modbus-meter:, mbus-meter:); each gives its protocol's usual values.
 */
@UriParams
public class PolledMeterOptions {

    @UriParam(description = "Milliseconds between the starts of two polls; by default 1000 for modbus-meter"
            + " and 60000 for mbus-meter (M-Bus meters update their values every few seconds to minutes)")
    private long period;
    @UriParam(description = "Milliseconds one request may wait for the meter's answer before the meter counts as not answering;"
            + " by default 2000 for modbus-meter and 5000 for mbus-meter")
    private long readTimeout;

    /**
     * @param defaultPeriod      the protocol's usual period, used until the period option is set
     * @param defaultReadTimeout the protocol's usual read timeout, used until the readTimeout option is set
     */
    public PolledMeterOptions(long defaultPeriod, long defaultReadTimeout) {
        this.period = defaultPeriod;
        this.readTimeout = defaultReadTimeout;
    }

    public long getPeriod() {
        return period;
    }

    public void setPeriod(long period) {
        this.period = period;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }
}
