package org.energyweb.meter.sml.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.energyweb.camel.CamelCatalog;
import org.energyweb.meter.camel.StreamingMeterEndpoint;
import org.energyweb.meter.sml.SmlSettings;
import org.energyweb.meter.sml.SmlSource;

import java.time.Clock;

/** One SML meter's settings; see {@link SmlMeterComponent} for the URI. */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = SmlMeterComponent.SCHEME, title = "SML meter",
        syntax = "sml-meter:meterId", consumerOnly = true, category = {Category.IOT})
public final class SmlMeterEndpoint extends StreamingMeterEndpoint {

    /** The port Wi-Fi reading heads (Tasmota's TCP bridge on a Hichi head) are usually set to serve the optical interface on. */
    private static final int DEFAULT_PORT = 8888;

    SmlMeterEndpoint(String uri, SmlMeterComponent component, String meterId) {
        super(uri, component, meterId, DEFAULT_PORT, SmlSettings.SERIAL_BAUD, SmlSettings.SERIAL_FORMAT);
    }

    @Override
    protected Consumer newConsumer(Processor processor) {
        SmlSettings settings = new SmlSettings(getMeterId(), link(), readTimeout());
        return streamingConsumer(processor, () -> new SmlSource(settings, Clock.systemUTC()), settings.source());
    }
}
