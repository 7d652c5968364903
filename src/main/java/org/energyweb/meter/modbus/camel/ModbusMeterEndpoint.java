package org.energyweb.meter.modbus.camel;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.energyweb.meter.modbus.ModbusAddress;
import org.energyweb.meter.modbus.ModbusMeterSettings;
import org.energyweb.meter.modbus.RegisterMap;

import java.nio.file.Path;
import java.time.Duration;

/** One meter's polling settings; see {@link ModbusMeterComponent} for the URI. */
public final class ModbusMeterEndpoint extends DefaultEndpoint {

    private final String meterId;
    private String host;
    private int port = ModbusAddress.DEFAULT_PORT;
    private int unitId = 1;
    private long period = 1000;
    private long readTimeout = ModbusAddress.DEFAULT_TIMEOUT.toMillis();
    private String map;
    private boolean invert;
    private Long ratedPowerW;

    ModbusMeterEndpoint(String uri, ModbusMeterComponent component, String meterId) {
        super(uri, component);
        this.meterId = meterId;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ModbusMeterConsumer consumer = new ModbusMeterConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(ModbusMeterComponent.SCHEME + " only reads meters: use it in from()");
    }

    /** Checked when the consumer starts, so a bad map or address stops the route with a clear error. */
    ModbusMeterSettings settings() {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(getEndpointUri() + ": host is required");
        }
        if (period <= 0) {
            throw new IllegalArgumentException(getEndpointUri() + ": period must be positive, was " + period + " ms");
        }
        ModbusAddress address = new ModbusAddress(host, port, unitId, Duration.ofMillis(readTimeout));
        RegisterMap registerMap = map == null || map.isBlank() ? null : RegisterMap.load(Path.of(map));
        return new ModbusMeterSettings(meterId, address, registerMap, invert, ratedPowerW);
    }

    public String getMeterId() {
        return meterId;
    }

    public String getHost() {
        return host;
    }

    /** Host name or IP address of the meter or Modbus TCP gateway. */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int getUnitId() {
        return unitId;
    }

    public void setUnitId(int unitId) {
        this.unitId = unitId;
    }

    public long getPeriod() {
        return period;
    }

    /** Milliseconds between the starts of two polls. */
    public void setPeriod(long period) {
        this.period = period;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /** Milliseconds one Modbus request may take before the meter counts as not answering. */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getMap() {
        return map;
    }

    /** Path of a YAML register map; without one the meter is discovered as a SunSpec device. */
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
