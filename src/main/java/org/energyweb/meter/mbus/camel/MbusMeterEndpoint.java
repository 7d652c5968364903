package org.energyweb.meter.mbus.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.energyweb.camel.CamelCatalog;
import org.energyweb.meter.camel.TcpOrSerialMeterEndpoint;
import org.energyweb.meter.camel.PolledMeterOptions;
import org.energyweb.meter.mbus.MbusSettings;

import java.time.Duration;

/** One M-Bus meter's settings; see {@link MbusMeterComponent} for the URI. */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = MbusMeterComponent.SCHEME, title = "M-Bus meter",
        syntax = "mbus-meter:meterId", consumerOnly = true, category = {Category.IOT})
public final class MbusMeterEndpoint extends TcpOrSerialMeterEndpoint {

    /** The port M-Bus-to-TCP gateways commonly serve the bus on (transparent mode). */
    private static final int DEFAULT_PORT = 10001;
    /** M-Bus meters update their values every few seconds to minutes. */
    private static final long DEFAULT_PERIOD = 60_000;
    private static final long DEFAULT_READ_TIMEOUT = 5000;

    @UriParam(defaultValue = "0", description = "Primary address (0-250) of the meter on the bus; ignored with secondaryAddress")
    private int primaryAddress;
    @UriParam(description = "Secondary address of the meter: the 16 hex digits of its long header (identification number, manufacturer,"
            + " version, medium, in wire order); selects the meter and reads it at address 253")
    private String secondaryAddress;
    @UriParam(defaultValue = "0", description = "Storage number of the energy record to read (0: the current value)")
    private long storageNumber;
    @UriParam(defaultValue = "0", description = "Tariff of the energy record to read (0: the total; 1, 2: tariff registers)")
    private int tariff;
    @UriParam
    private PolledMeterOptions polling = new PolledMeterOptions(DEFAULT_PERIOD, DEFAULT_READ_TIMEOUT);

    MbusMeterEndpoint(String uri, MbusMeterComponent component, String meterId) {
        super(uri, component, meterId, DEFAULT_PORT, MbusSettings.SERIAL_BAUD, MbusSettings.SERIAL_FORMAT);
    }

    @Override
    protected Consumer newConsumer(Processor processor) {
        return new MbusMeterConsumer(this, processor,
                new MbusSettings(getMeterId(), link(), primaryAddress, secondaryAddress, storageNumber, tariff,
                        Duration.ofMillis(polling.getReadTimeout())));
    }

    public int getPrimaryAddress() {
        return primaryAddress;
    }

    public void setPrimaryAddress(int primaryAddress) {
        this.primaryAddress = primaryAddress;
    }

    public String getSecondaryAddress() {
        return secondaryAddress;
    }

    public void setSecondaryAddress(String secondaryAddress) {
        this.secondaryAddress = secondaryAddress;
    }

    public long getStorageNumber() {
        return storageNumber;
    }

    public void setStorageNumber(long storageNumber) {
        this.storageNumber = storageNumber;
    }

    public int getTariff() {
        return tariff;
    }

    public void setTariff(int tariff) {
        this.tariff = tariff;
    }

    public PolledMeterOptions getPolling() {
        return polling;
    }

    public void setPolling(PolledMeterOptions polling) {
        this.polling = polling;
    }
}
