package org.energyweb.meter.camel;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriParam;

/**
 * What every meter source endpoint that reaches its meter over TCP has (modbus-meter:, dsmr-meter:, sml-meter:,
 * mbus-meter:): the {@link TcpMeterAddress} option group, and a consumer that Camel's consumer options are applied to.
 * A protocol only says which consumer reads its meter.
 */
public abstract class TcpMeterEndpoint extends MeterSourceEndpoint {

    @UriParam
    private TcpMeterAddress address;

    /** @param defaultPort the port of the endpoint's protocol, used until the port option is set */
    protected TcpMeterEndpoint(String uri, Component component, String meterId, int defaultPort) {
        super(uri, component, meterId);
        this.address = new TcpMeterAddress(defaultPort);
    }

    @Override
    public final Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = newConsumer(processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The protocol's consumer; bad settings may throw here and so stop the route with a clear error. */
    protected abstract Consumer newConsumer(Processor processor) throws Exception;

    public TcpMeterAddress getAddress() {
        return address;
    }

    public void setAddress(TcpMeterAddress address) {
        this.address = address;
    }
}
