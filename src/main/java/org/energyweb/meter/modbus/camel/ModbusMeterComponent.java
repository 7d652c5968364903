package org.energyweb.meter.modbus.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code modbus-meter:METER_ID?host=...&port=502&unitId=1&period=1000&map=...&invert=false&ratedPowerW=...&readTimeout=2000}:
 * polls one Modbus TCP meter and emits a {@link org.energyweb.reading.Measurement} per poll, or an
 * exchange carrying a {@link org.energyweb.reading.MeterFaultException}.
 */
@Component(ModbusMeterComponent.SCHEME)
public final class ModbusMeterComponent extends DefaultComponent {

    public static final String SCHEME = "modbus-meter";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ModbusMeterEndpoint endpoint = new ModbusMeterEndpoint(uri, this, remaining);
        setProperties(endpoint.getBreaker(), parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
