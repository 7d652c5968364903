package org.energyweb.meter.camel;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriParam;
import org.energyweb.meter.StreamingMeter;
import org.energyweb.meter.link.CharFormat;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A meter source endpoint whose meter pushes its values through a TCP bridge or on a serial device (dsmr-meter:,
 * sml-meter:): its connection options ({@link StreamingMeterOptions}) and its consumer.
 */
public abstract class StreamingMeterEndpoint extends TcpOrSerialMeterEndpoint {

    @UriParam
    private StreamingMeterOptions stream = new StreamingMeterOptions();

    protected StreamingMeterEndpoint(String uri, Component component, String meterId, int defaultPort, int serialBaud,
                                     CharFormat serialFormat) {
        super(uri, component, meterId, defaultPort, serialBaud, serialFormat);
    }

    /** How long the meter may go without a whole message before it counts as not answering (the readTimeout option). */
    protected Duration readTimeout() {
        return Duration.ofMillis(stream.getReadTimeout());
    }

    /** The consumer reading {@code meters}, connecting again after the reconnectDelay option. */
    protected Consumer streamingConsumer(Processor processor, Supplier<StreamingMeter> meters, String source) {
        return new StreamingMeterConsumer(this, processor, meters, source, stream.getReconnectDelay());
    }

    public StreamingMeterOptions getStream() {
        return stream;
    }

    public void setStream(StreamingMeterOptions stream) {
        this.stream = stream;
    }
}
