package org.energyweb.meter.camel;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Where a meter source reaches its meter over TCP: the meter itself, or the bridge or gateway in
 * front of it. The option group of every TCP meter endpoint (modbus-meter:, dsmr-meter:, sml-meter:, mbus-meter:); each
 * gives its protocol's usual port.
 */
@UriParams
public class TcpMeterAddress {

    @UriParam(description = "Host name or IP address of the meter, or of the TCP bridge or gateway in front of it"
            + " (a Modbus TCP gateway; ser2net or a P1 dongle in front of a P1 port; an optical reading head's TCP bridge; an M-Bus-to-TCP gateway);"
            + " required, but for a dsmr-meter, sml-meter or mbus-meter read on a serial device (serialPort)")
    private String host;
    @UriParam(description = "TCP port of the meter or of the bridge in front of it; by default 502 for modbus-meter (Modbus TCP)"
            + ", 2000 for dsmr-meter (the usual ser2net port), 8888 for sml-meter (the usual port of a Wi-Fi reading head) and 10001 for mbus-meter (the usual port of an M-Bus gateway)")
    private int port;

    /** @param defaultPort the port of the endpoint's protocol, used until the port option is set */
    public TcpMeterAddress(int defaultPort) {
        this.port = defaultPort;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }
}
