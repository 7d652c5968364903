package org.energyweb.meter.sml.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code sml-meter:METER_ID?host=...&port=...} (or {@code serialPort=/dev/ttyUSB0} with its line options): reads the
 * SML files a German smart meter (eHZ) pushes through an optical reading head's TCP bridge or serial device and emits a {@link org.energyweb.reading.Measurement} per file, or an exchange
 * carrying the {@link org.energyweb.reading.MeterFault}.
 */
@Component(SmlMeterComponent.SCHEME)
public final class SmlMeterComponent extends DefaultComponent {

    public static final String SCHEME = "sml-meter";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SmlMeterEndpoint endpoint = new SmlMeterEndpoint(uri, this, remaining);
        setProperties(endpoint.getBreaker(), parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
