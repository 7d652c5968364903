package org.energyweb.meter.dsmr.camel;

import org.apache.camel.spi.annotations.Component;
import org.energyweb.meter.camel.MeterSourceComponent;

/**
 * {@code dsmr-meter:METER_ID?host=...&port=...&gasMeterId=...&gasWhPerM3=...} (or {@code serialPort=/dev/ttyUSB0}
 * with {@code baudRate}, {@code dataBits}, {@code parity}, {@code stopBits}): reads the telegrams a DSMR P1 port sends
 * through a TCP bridge (ser2net, P1-to-Wi-Fi dongles) or a P1 cable on a serial device and emits a
 * {@link org.energyweb.reading.Measurement} per telegram, or an exchange carrying the
 * {@link org.energyweb.reading.MeterFault}.
 */
@Component(DsmrMeterComponent.SCHEME)
public final class DsmrMeterComponent extends MeterSourceComponent {

    public static final String SCHEME = "dsmr-meter";

    @Override
    protected DsmrMeterEndpoint newEndpoint(String uri, String meterId) {
        return new DsmrMeterEndpoint(uri, this, meterId);
    }
}
