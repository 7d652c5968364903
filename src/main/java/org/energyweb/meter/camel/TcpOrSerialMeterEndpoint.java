package org.energyweb.meter.camel;

import org.apache.camel.Component;
import org.apache.camel.spi.UriParam;
import org.energyweb.meter.link.CharFormat;
import org.energyweb.meter.link.MeterLink;
import org.energyweb.meter.link.SerialLine;
import org.energyweb.meter.link.SerialLink;
import org.energyweb.meter.link.TcpLink;

/**
 * A meter source endpoint whose meter is read through a TCP bridge (host, port) or on a serial device of the gateway
 * (serialPort and its line settings): dsmr-meter:, sml-meter:, mbus-meter:.
 */
public abstract class TcpOrSerialMeterEndpoint extends TcpMeterEndpoint {

    @UriParam
    private SerialMeterPort serial;

    /**
     * @param defaultPort the TCP port of the endpoint's protocol, used until the port option is set
     * @param serialBaud  the baud rate of the protocol's serial devices, used until the baudRate option is set
     * @param serialFormat the character format of the protocol's serial devices, used until its options are set
     */
    protected TcpOrSerialMeterEndpoint(String uri, Component component, String meterId, int defaultPort, int serialBaud,
                                       CharFormat serialFormat) {
        super(uri, component, meterId, defaultPort);
        this.serial = new SerialMeterPort(serialBaud, serialFormat);
    }

    /** The serial device when serialPort is set, else the TCP bridge; naming both is an error, as is naming neither. */
    protected MeterLink link() {
        SerialLine line = serial.line();
        boolean hasHost = getAddress().getHost() != null && !getAddress().getHost().isBlank();
        if (line != null && hasHost) {
            throw new IllegalArgumentException(getEndpointUri() + ": give host (a TCP bridge) or serialPort (a serial device), not both");
        }
        if (line != null) {
            return new SerialLink(line);
        }
        if (!hasHost) {
            throw new IllegalArgumentException(getEndpointUri() + ": give host (a TCP bridge) or serialPort (a serial device)");
        }
        return new TcpLink(getAddress().getHost(), getAddress().getPort());
    }

    public SerialMeterPort getSerial() {
        return serial;
    }

    public void setSerial(SerialMeterPort serial) {
        this.serial = serial;
    }
}
