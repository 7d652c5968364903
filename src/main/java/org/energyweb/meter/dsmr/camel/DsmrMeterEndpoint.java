package org.energyweb.meter.dsmr.camel;

import org.energyweb.camel.CamelCatalog;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.energyweb.meter.camel.StreamingMeterEndpoint;
import org.energyweb.meter.dsmr.DsmrSource;
import org.energyweb.meter.dsmr.DsmrSettings;

import java.time.Clock;

/** One P1 port's settings; see {@link DsmrMeterComponent} for the URI. */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = DsmrMeterComponent.SCHEME, title = "DSMR P1 meter",
        syntax = "dsmr-meter:meterId", consumerOnly = true, category = {Category.IOT})
public final class DsmrMeterEndpoint extends StreamingMeterEndpoint {

    /** The usual ser2net port of a P1 bridge. */
    private static final int DEFAULT_PORT = 2000;

    @UriParam(description = "The id of the gas meter's hash chain; empty to leave the gas meter out")
    private String gasMeterId;
    @UriParam(defaultValue = "0", description = "Calorific value the gas register is converted with, in Wh per m3 (required with gasMeterId)")
    private long gasWhPerM3;

    DsmrMeterEndpoint(String uri, DsmrMeterComponent component, String meterId) {
        super(uri, component, meterId, DEFAULT_PORT, DsmrSettings.SERIAL_BAUD, DsmrSettings.SERIAL_FORMAT);
    }

    @Override
    protected Consumer newConsumer(Processor processor) {
        DsmrSettings settings = settings();
        return streamingConsumer(processor, () -> new DsmrSource(settings, Clock.systemUTC()), settings.source());
    }

    DsmrSettings settings() {
        return new DsmrSettings(getMeterId(), link(), gasMeterId, gasWhPerM3, readTimeout());
    }

    public String getGasMeterId() {
        return gasMeterId;
    }

    public void setGasMeterId(String gasMeterId) {
        this.gasMeterId = gasMeterId;
    }

    public long getGasWhPerM3() {
        return gasWhPerM3;
    }

    public void setGasWhPerM3(long gasWhPerM3) {
        this.gasWhPerM3 = gasWhPerM3;
    }
}
