package org.energyweb.meter.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A meter on a serial device of the gateway, opened with jSerialComm. The device is opened by its path, so symlinks
 * (/dev/serial/by-id/..., udev names, a pty's link) work as well as the names jSerialComm lists.
 */
public record SerialLink(SerialLine line) implements MeterLink {

    public SerialLink {
        if (line == null) {
            throw new IllegalArgumentException("the serial line is required");
        }
    }

    @Override
    public LinkConnection open(Duration timeout) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(line.device());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial device " + line.device() + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(line.baudRate(), line.format().dataBits(), stopBits(line.format().stopBits()), parity(line.format().parity()));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Semi-blocking: a read returns what has arrived as soon as there is a byte, and throws after the timeout.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                Math.toIntExact(timeout.toMillis()), 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial device " + line.device() + " (errno " + port.getLastErrorCode() + ")");
        }
        return new PortConnection(port);
    }

    @Override
    public String address() {
        return "serial:" + line.device();
    }

    private static int stopBits(CharFormat.StopBits stopBits) {
        return switch (stopBits) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(CharFormat.Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private record PortConnection(SerialPort port) implements LinkConnection {

        @Override
        public InputStream input() {
            return port.getInputStream();
        }

        @Override
        public OutputStream output() {
            return port.getOutputStream();
        }

        @Override
        public void readTimeout(Duration timeout) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    Math.toIntExact(timeout.toMillis()), 0);
        }

        @Override
        public void close() {
            port.closePort();
        }
    }
}
