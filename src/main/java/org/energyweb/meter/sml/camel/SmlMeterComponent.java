package org.energyweb.meter.sml.camel;

import org.apache.camel.spi.annotations.Component;
import org.energyweb.meter.camel.MeterSourceComponent;

/**
 * {@code sml-meter:METER_ID?host=...&port=...} (or {@code serialPort=/dev/ttyUSB0} with its line options): reads the
 * SML files a German smart meter (eHZ) pushes through an optical reading head's TCP bridge or serial device and emits a {@link org.energyweb.reading.Measurement} per file, or an exchange
 * carrying the {@link org.energyweb.reading.MeterFault}.
 */
@Component(SmlMeterComponent.SCHEME)
public final class SmlMeterComponent extends MeterSourceComponent {

    public static final String SCHEME = "sml-meter";

    @Override
    protected SmlMeterEndpoint newEndpoint(String uri, String meterId) {
        return new SmlMeterEndpoint(uri, this, meterId);
    }
}
