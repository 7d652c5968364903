package org.energyweb.meter.mbus;

import org.energyweb.meter.link.PtyPair;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One M-Bus meter on a bus, answering as EN 13757-2 says: SND_NKE with the single character E5; REQ_UD2 to its primary
 * address (or to 253 once selected) with its recorded RSP_UD long frame; SND_UD to 253 selecting its secondary
 * address with E5 (and stays silent for another one). Anything else gets no answer, as on a real bus. Served on a TCP
 * connection by {@link MbusGateway}, or on a serial line.
 */
public final class MbusDevice {

    private static final int ACK = 0xE5;

    private final int primaryAddress;
    private final byte[] secondaryAddress;
    private final byte[] answer;

    public MbusDevice(int primaryAddress, byte[] answer) {
        this.primaryAddress = primaryAddress;
        this.answer = answer;
        // The long header of the RSP_UD: identification, manufacturer, version, medium (after 68 L L 68 C A CI).
        this.secondaryAddress = Arrays.copyOfRange(answer, 7, 15);
    }

    /** Answers on the meter's end of a serial line, on a thread of its own, until the line is closed. */
    public void answerOn(PtyPair line) {
        Thread thread = new Thread(() -> {
            try (InputStream in = line.meterInput(); OutputStream out = line.meterOutput()) {
                answer(in, out);
            } catch (IOException e) {
                // The line was closed.
            }
        }, "mbus-meter");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers the master's requests until its line ends (an {@link IOException}, an EOF). */
    public void answer(InputStream input, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(input);
        boolean selected = false;
        while (true) {
            int start = in.readUnsignedByte();
            if (start == 0x10) {
                byte[] frame = new byte[4];
                in.readFully(frame);
                int control = frame[0] & 0xFF;
                int address = frame[1] & 0xFF;
                boolean addressed = address == primaryAddress || (address == MbusSettings.SELECTED && selected);
                if (control == 0x40 && addressed) {
                    out.write(ACK);
                } else if ((control & 0xDF) == 0x5B && addressed) {
                    out.write(answer);
                }
            } else if (start == 0x68) {
                int length = in.readUnsignedByte();
                byte[] rest = new byte[length + 4];
                in.readFully(rest);
                int control = rest[2] & 0xFF;
                int address = rest[3] & 0xFF;
                int ci = rest[4] & 0xFF;
                if ((control & 0xDF) == 0x53 && address == MbusSettings.SELECTED && ci == 0x52) {
                    selected = Arrays.equals(Arrays.copyOfRange(rest, 5, 13), secondaryAddress);
                    if (selected) {
                        out.write(ACK);
                    }
                }
            }
            out.flush();
        }
    }
}
