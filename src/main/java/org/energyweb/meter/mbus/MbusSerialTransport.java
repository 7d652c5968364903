package org.energyweb.meter.mbus;

import org.energyweb.meter.link.LinkConnection;
import org.energyweb.meter.link.SerialLink;
import org.openmuc.jmbus.MBusConnection;
import org.openmuc.jmbus.transportlayer.TransportLayer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * jMBus's transport over a serial device opened with jSerialComm, so that M-Bus reads serial devices the way DSMR and
 * SML do. jMBus 3.3 has no public constructor for a connection on a transport of one's own; its builders are the one
 * way in, and {@link #connect} gives its serial builder this transport in place of the jRxTx one it would build.
 */
final class MbusSerialTransport implements TransportLayer {

    private final SerialLink link;
    private Duration timeout;
    private LinkConnection connection;
    private DataInputStream in;
    private DataOutputStream out;

    private MbusSerialTransport(SerialLink link, Duration timeout) {
        this.link = link;
        this.timeout = timeout;
    }

    /** A jMBus connection to the bus on {@code link}, opened. */
    static MBusConnection connect(SerialLink link, Duration timeout) throws IOException {
        MbusSerialTransport transport = new MbusSerialTransport(link, timeout);
        return new MBusConnection.MBusSerialBuilder(link.line().device()) {
            @Override
            protected TransportLayer buildTransportLayer() {
                return transport;
            }
        }.build();
    }

    @Override
    public void open() throws IOException {
        connection = link.open(timeout);
        try {
            // A frame left over from before (a late answer to someone else) would be taken for the answer.
            in = new DataInputStream(connection.input());
            in.skipNBytes(in.available());
            out = new DataOutputStream(connection.output());
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public DataOutputStream getOutputStream() {
        return out;
    }

    @Override
    public DataInputStream getInputStream() {
        return in;
    }

    @Override
    public boolean isClosed() {
        return connection == null;
    }

    @Override
    public void setTimeout(int millis) throws IOException {
        timeout = Duration.ofMillis(millis);
        if (connection != null) {
            connection.readTimeout(timeout);
        }
    }

    @Override
    public int getTimeout() {
        return Math.toIntExact(timeout.toMillis());
    }
}
