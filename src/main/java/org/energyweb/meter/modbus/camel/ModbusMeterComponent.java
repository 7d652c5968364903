package org.energyweb.meter.modbus.camel;

import org.apache.camel.spi.annotations.Component;
import org.energyweb.meter.camel.MeterSourceComponent;

/**
 * {@code modbus-meter:METER_ID?host=...&port=502&unitId=1&period=1000&map=...&invert=false&ratedPowerW=...&readTimeout=2000}:
 * polls one Modbus TCP meter and emits a {@link org.energyweb.reading.Measurement} per poll, or an
 * exchange carrying a {@link org.energyweb.reading.MeterFaultException}.
 */
@Component(ModbusMeterComponent.SCHEME)
public final class ModbusMeterComponent extends MeterSourceComponent {

    public static final String SCHEME = "modbus-meter";

    @Override
    protected ModbusMeterEndpoint newEndpoint(String uri, String meterId) {
        return new ModbusMeterEndpoint(uri, this, meterId);
    }
}
