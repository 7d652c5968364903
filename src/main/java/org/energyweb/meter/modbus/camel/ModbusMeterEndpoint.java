package org.energyweb.meter.modbus.camel;

import org.energyweb.camel.CamelCatalog;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.energyweb.meter.camel.TcpMeterEndpoint;
import org.energyweb.meter.camel.PolledMeterOptions;
import org.energyweb.meter.modbus.ModbusAddress;
import org.energyweb.meter.modbus.ModbusMeterSettings;
import org.energyweb.meter.modbus.RegisterMap;

import java.nio.file.Path;
import java.time.Duration;

/** One meter's polling settings; see {@link ModbusMeterComponent} for the URI. */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = ModbusMeterComponent.SCHEME, title = "Modbus TCP meter",
        syntax = "modbus-meter:meterId", consumerOnly = true, category = {Category.IOT})
public final class ModbusMeterEndpoint extends TcpMeterEndpoint {

    private static final long DEFAULT_PERIOD = 1000;

    @UriParam(defaultValue = "1", description = "Modbus unit id (slave id) of the meter; matters behind a Modbus TCP gateway")
    private int unitId = 1;
    @UriParam
    private PolledMeterOptions polling = new PolledMeterOptions(DEFAULT_PERIOD, ModbusAddress.DEFAULT_TIMEOUT.toMillis());
    @UriParam(description = "Path of a YAML register map; without one the meter is discovered as a SunSpec device")
    private String map;
    @UriParam(defaultValue = "false", description = "For a meter installed the other way round: swaps import and export and negates power")
    private boolean invert;
    @UriParam(description = "The most the meter can measure, in W; a counter jump larger than this power allows is a fault")
    private Long ratedPowerW;

    ModbusMeterEndpoint(String uri, ModbusMeterComponent component, String meterId) {
        super(uri, component, meterId, ModbusAddress.DEFAULT_PORT);
    }

    @Override
    protected Consumer newConsumer(Processor processor) {
        return new ModbusMeterConsumer(this, processor);
    }

    /** Checked when the consumer starts, so a bad map or address stops the route with a clear error. */
    ModbusMeterSettings settings() {
        String host = getAddress().getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(getEndpointUri() + ": host is required");
        }
        ModbusAddress modbus = new ModbusAddress(host, getAddress().getPort(), unitId, Duration.ofMillis(polling.getReadTimeout()));
        RegisterMap registerMap = map == null || map.isBlank() ? null : RegisterMap.load(Path.of(map));
        return new ModbusMeterSettings(getMeterId(), modbus, registerMap, invert, ratedPowerW);
    }

    public int getUnitId() {
        return unitId;
    }

    public void setUnitId(int unitId) {
        this.unitId = unitId;
    }

    public PolledMeterOptions getPolling() {
        return polling;
    }

    public void setPolling(PolledMeterOptions polling) {
        this.polling = polling;
    }

    public String getMap() {
        return map;
    }

    public void setMap(String map) {
        this.map = map;
    }

    public boolean isInvert() {
        return invert;
    }

    public void setInvert(boolean invert) {
        this.invert = invert;
    }

    public Long getRatedPowerW() {
        return ratedPowerW;
    }

    public void setRatedPowerW(Long ratedPowerW) {
        this.ratedPowerW = ratedPowerW;
    }

}
