package org.energyweb.meter.mbus;

import java.util.HexFormat;

/**
 * The checks EN 13757-2 (link layer, FT 1.2) puts on a long frame, which jMBus 3.3 does not make on what it
 * receives: {@code 68 L L 68}, L bytes of C, A, CI and data, the checksum (their arithmetic sum modulo 256), {@code 16}.
 */
final class LongFrameCheck {

    private LongFrameCheck() {
    }

    static void check(byte[] frame) throws MbusFormatException {
        if (frame == null || frame.length < 9 || frame[0] != 0x68 || frame[3] != 0x68 || frame[1] != frame[2]) {
            throw new MbusFormatException("not an M-Bus long frame: " + (frame == null ? "nothing" : HexFormat.of().formatHex(frame)));
        }
        int length = frame[1] & 0xFF;
        if (frame.length != length + 6 || frame[length + 5] != 0x16) {
            throw new MbusFormatException("M-Bus long frame of " + frame.length + " bytes does not end where its length " + length + " says");
        }
        int sum = 0;
        for (int i = 4; i < 4 + length; i++) {
            sum += frame[i] & 0xFF;
        }
        int stated = frame[4 + length] & 0xFF;
        if ((sum & 0xFF) != stated) {
            throw new MbusFormatException(String.format("checksum mismatch: frame says %02X, its bytes give %02X", stated, sum & 0xFF));
        }
    }
}
