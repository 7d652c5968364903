package org.energyweb.meter.mbus.camel;

import org.apache.camel.spi.annotations.Component;
import org.energyweb.meter.camel.MeterSourceComponent;

/**
 * {@code mbus-meter:METER_ID?host=...&port=...&primaryAddress=N} (or {@code secondaryAddress=...}): polls a wired
 * M-Bus meter through an M-Bus-to-TCP gateway (or, with {@code serialPort=/dev/ttyUSB0} and its line options, a level
 * converter on a serial device) with OpenMUC's jMBus and emits a
 * {@link org.energyweb.reading.Measurement} per poll, or an exchange carrying the
 * {@link org.energyweb.reading.MeterFault}.
 */
@Component(MbusMeterComponent.SCHEME)
public final class MbusMeterComponent extends MeterSourceComponent {

    public static final String SCHEME = "mbus-meter";

    @Override
    protected MbusMeterEndpoint newEndpoint(String uri, String meterId) {
        return new MbusMeterEndpoint(uri, this, meterId);
    }
}
