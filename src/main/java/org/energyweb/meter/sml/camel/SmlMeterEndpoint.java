package org.energyweb.meter.sml.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.energyweb.camel.CamelCatalog;
import org.energyweb.meter.camel.MeterSourceEndpoint;
import org.energyweb.meter.camel.StreamingMeterConsumer;
import org.energyweb.meter.camel.TcpMeterAddress;
import org.energyweb.meter.sml.SmlSettings;
import org.energyweb.meter.sml.SmlSource;

import java.time.Clock;
import java.time.Duration;

/** One SML meter's settings; see {@link SmlMeterComponent} for the URI. */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = SmlMeterComponent.SCHEME, title = "SML meter",
        syntax = "sml-meter:meterId", consumerOnly = true, category = {Category.IOT})
public final class SmlMeterEndpoint extends MeterSourceEndpoint {

    /** The port Wi-Fi reading heads (Tasmota's TCP bridge on a Hichi head) are usually set to serve the optical interface on. */
    private static final int DEFAULT_PORT = 8888;

    @UriParam
    private TcpMeterAddress address = new TcpMeterAddress(DEFAULT_PORT);
    @UriParam(defaultValue = "30000", description = "Milliseconds without a whole SML file before the bridge counts as not answering (meters push every 1 to 4 s)")
    private long readTimeout = 30_000;
    @UriParam(defaultValue = "1000", description = "Milliseconds to wait before connecting again after the bridge was unreachable")
    private long reconnectDelay = 1000;

    SmlMeterEndpoint(String uri, SmlMeterComponent component, String meterId) {
        super(uri, component, meterId);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SmlSettings settings = new SmlSettings(getMeterId(), address.getHost(), address.getPort(), Duration.ofMillis(readTimeout));
        StreamingMeterConsumer consumer = new StreamingMeterConsumer(this, processor, () -> new SmlSource(settings, Clock.systemUTC()),
                settings.source(), reconnectDelay);
        configureConsumer(consumer);
        return consumer;
    }

    public TcpMeterAddress getAddress() {
        return address;
    }

    public void setAddress(TcpMeterAddress address) {
        this.address = address;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }
}
