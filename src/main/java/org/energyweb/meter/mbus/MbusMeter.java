package org.energyweb.meter.mbus;

import org.energyweb.meter.link.SerialLink;
import org.energyweb.meter.link.TcpLink;
import org.openmuc.jmbus.DecodingException;
import org.openmuc.jmbus.MBusConnection;
import org.openmuc.jmbus.VerboseMessage;
import org.openmuc.jmbus.VariableDataStructure;

import java.io.IOException;

/**
 * One wired M-Bus meter behind an M-Bus-to-TCP gateway or a level converter on a serial device (opened with
 * jSerialComm, see {@link MbusSerialTransport}), read with OpenMUC's jMBus: REQ_UD2 to its primary address,
 * or, with a secondary address, SND_UD selecting it first and REQ_UD2 to address 253. The connection stays open
 * between reads; after a failure it is closed and the next read connects again.
 *
 * <p>Used from one thread at a time.
 */
public final class MbusMeter implements AutoCloseable {

    private final MbusSettings settings;
    private MBusConnection connection;
    /** The last frame the meter sent, as jMBus's verbose listener hands it over. */
    private byte[] received;

    public MbusMeter(MbusSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws MbusFormatException when the meter's answer cannot become a reading
     * @throws IOException         when the gateway or the meter cannot be reached or does not answer
     */
    public MbusSample read() throws IOException, MbusFormatException {
        try {
            if (connection == null) {
                connection = connect();
                connection.setVerboseMessageListener(message -> {
                    if (message.getMessageDirection() == VerboseMessage.MessageDirection.RECEIVE) {
                        received = message.getMessage();
                    }
                });
            }
            received = null;
            VariableDataStructure data;
            if (settings.secondaryAddress() == null) {
                data = connection.read(settings.primaryAddress());
            } else {
                connection.selectComponent(settings.secondary());
                data = connection.read(MbusSettings.SELECTED);
            }
            LongFrameCheck.check(received);
            data.decode();
            return MbusRecords.read(data, settings.storageNumber(), settings.tariff());
        } catch (MbusFormatException e) {
            close();
            throw e;
        } catch (DecodingException e) {
            close();
            throw new MbusFormatException("undecodable M-Bus answer: " + e.getMessage(), e);
        } catch (IOException e) {
            close();
            if (e.getCause() instanceof DecodingException decoding) {
                throw new MbusFormatException("undecodable M-Bus answer: " + decoding.getMessage(), e);
            }
            throw e;
        }
    }

    private MBusConnection connect() throws IOException {
        if (settings.link() instanceof SerialLink serial) {
            return MbusSerialTransport.connect(serial, settings.timeout());
        }
        int timeout = Math.toIntExact(settings.timeout().toMillis());
        TcpLink tcp = (TcpLink) settings.link();
        return MBusConnection.newTcpBuilder(tcp.host(), tcp.port()).setConnectionTimeout(timeout).setTimeout(timeout).build();
    }

    /** The frame of the last read, for the fault of an answer that cannot be trusted. */
    byte[] lastFrame() {
        return received;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
