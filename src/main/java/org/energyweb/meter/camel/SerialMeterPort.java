package org.energyweb.meter.camel;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.meter.link.CharFormat;
import org.energyweb.meter.link.SerialLine;

/**
 * Where a meter source reads its meter on a serial device of the gateway instead of through a TCP bridge: the option
 * group of the meter endpoints whose meters also hang on a serial line (dsmr-meter:, sml-meter:, mbus-meter:), opened
 * with jSerialComm. Each endpoint gives its protocol's usual line settings.
 */
@UriParams
public class SerialMeterPort {

    @UriParam(description = "Serial device the meter is read on instead of a TCP bridge (host): /dev/ttyUSB0, a /dev/serial/by-id/ link,"
            + " COM3; a P1 cable, a USB optical reading head, an M-Bus level converter")
    private String serialPort;
    @UriParam(description = "Baud rate of the serial device; by default 115200 for dsmr-meter (DSMR 4.x and 5; DSMR 2.2 and 3.0 ports send"
            + " 9600), 9600 for sml-meter (optical reading heads) and 2400 for mbus-meter")
    private int baudRate;
    @UriParam(enums = "5,6,7,8", description = "Data bits of the serial device; by default 8 (DSMR 2.2 to 4.x ports send 7, with even parity)")
    private int dataBits;
    @UriParam(enums = "NONE,EVEN,ODD,MARK,SPACE", description = "Parity of the serial device; by default NONE for dsmr-meter and sml-meter,"
            + " EVEN for mbus-meter (EN 13757-2)")
    private CharFormat.Parity parity;
    @UriParam(enums = "1,1.5,2", description = "Stop bits of the serial device; by default 1")
    private String stopBits;

    /** The protocol's usual line settings, used until the options are set. */
    public SerialMeterPort(int baudRate, CharFormat format) {
        this.baudRate = baudRate;
        this.dataBits = format.dataBits();
        this.parity = format.parity();
        this.stopBits = format.stopBits().text();
    }

    /** The serial line these options name, or null when no serial device is set. */
    public SerialLine line() {
        if (serialPort == null || serialPort.isBlank()) {
            return null;
        }
        return new SerialLine(serialPort, baudRate, new CharFormat(dataBits, parity, CharFormat.StopBits.of(stopBits)));
    }

    public String getSerialPort() {
        return serialPort;
    }

    public void setSerialPort(String serialPort) {
        this.serialPort = serialPort;
    }

    public int getBaudRate() {
        return baudRate;
    }

    public void setBaudRate(int baudRate) {
        this.baudRate = baudRate;
    }

    public int getDataBits() {
        return dataBits;
    }

    public void setDataBits(int dataBits) {
        this.dataBits = dataBits;
    }

    public CharFormat.Parity getParity() {
        return parity;
    }

    public void setParity(CharFormat.Parity parity) {
        this.parity = parity;
    }

    public String getStopBits() {
        return stopBits;
    }

    public void setStopBits(String stopBits) {
        this.stopBits = stopBits;
    }
}
