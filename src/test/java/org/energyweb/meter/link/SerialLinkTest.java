package org.energyweb.meter.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SerialLink opening a real pseudo-terminal (socat) through jSerialComm by the path of its link. */
class SerialLinkTest {

    private static SerialLink link(String device) {
        return new SerialLink(new SerialLine(device, 9600, CharFormat.parse("7E1")));
    }

    @Test
    void aPtyOpenedByItsLinkCarriesBytesBothWays(@TempDir Path folder) throws Exception {
        try (PtyPair line = new PtyPair(folder);
             LinkConnection gateway = link(line.gatewayDevice()).open(Duration.ofSeconds(10));
             OutputStream meterOut = line.meterOutput();
             InputStream meterIn = line.meterInput()) {
            meterOut.write("/ISK5\\2M550T-1012\r\n".getBytes(StandardCharsets.US_ASCII));
            meterOut.flush();
            assertThat(new String(gateway.input().readNBytes(19), StandardCharsets.US_ASCII)).isEqualTo("/ISK5\\2M550T-1012\r\n");

            gateway.output().write(new byte[] {0x10, 0x5B, 0x28, (byte) 0x83, 0x16});
            gateway.output().flush();
            assertThat(meterIn.readNBytes(5)).containsExactly(0x10, 0x5B, 0x28, 0x83, 0x16);
        }
    }

    @Test
    void aSilentDeviceEndsAReadAfterTheTimeout(@TempDir Path folder) throws Exception {
        try (PtyPair line = new PtyPair(folder); LinkConnection gateway = link(line.gatewayDevice()).open(Duration.ofMillis(200))) {
            assertThatThrownBy(() -> gateway.input().read()).isInstanceOf(InterruptedIOException.class);
        }
    }

    @Test
    void aDeviceThatDoesNotExistCannotBeOpenedAndIsNamed(@TempDir Path folder) {
        String missing = folder.resolve("ttyUSB9").toString();
        assertThatThrownBy(() -> link(missing).open(Duration.ofSeconds(1))).isInstanceOf(IOException.class).hasMessageContaining(missing);
    }

    @Test
    void theCharacterFormatIsReadInTheUsualNotation() {
        assertThat(CharFormat.parse("7e1")).isEqualTo(new CharFormat(7, CharFormat.Parity.EVEN, CharFormat.StopBits.ONE));
        assertThat(CharFormat.parse("8N1.5")).hasToString("8N1.5");
        assertThatThrownBy(() -> CharFormat.parse("9N1")).hasMessage("'9N1' is not a character format such as 8N1, 7E1 or 8E1");
    }
}
