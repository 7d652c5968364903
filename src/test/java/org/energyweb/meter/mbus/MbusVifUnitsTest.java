package org.energyweb.meter.mbus;

import org.energyweb.meter.link.TcpLink;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The energy and power VIFs of EN 13757-3 a meter answers in, converted exactly to Wh and W: each RSP_UD long frame
 * below is written byte for byte after the standard (link layer EN 13757-2: 68 L L 68, C, A, checksum, 16; CI 72 with
 * the 12-byte long header; then the data records), served by a loopback M-Bus gateway and decoded by jMBus.
 *
 * <p>The long header of every frame: identification 12345678 (BCD, LSB first), manufacturer KAM (2D 2C), version 1B,
 * medium 02 (electricity) or 04 (heat, outlet), access number 01, status 00, signature 00 00.
 */
class MbusVifUnitsTest {

    private static final int ADDRESS = 5;

    private static long[] read(String frame) throws Exception {
        try (MbusGateway gateway = new MbusGateway(ADDRESS, HexFormat.ofDelimiter(" ").parseHex(frame));
             MbusSource source = new MbusSource(new MbusSettings("meter", new TcpLink("127.0.0.1", gateway.port()), ADDRESS, null, 0, 0,
                     Duration.ofSeconds(5)), Clock.systemUTC())) {
            Measurement reading = source.poll();
            return new long[] {reading.energyWh(), reading.powerW()};
        }
    }

    @Test
    void anEnergyRecordInKWhAndPowerInKWAreConvertedToWhAndW() throws Exception {
        // 04 06: 32-bit integer, VIF 0000 0110 = Wh x 10^(6-3): 0x00BC614E = 12 345 678 kWh.
        // 04 2E: 32-bit integer, VIF 0010 1110 = W x 10^(6-3): 3 kW.
        String frame = "68 1B 1B 68 08 05 72 78 56 34 12 2D 2C 1B 02 01 00 00 00"
                + " 04 06 4E 61 BC 00"
                + " 04 2E 03 00 00 00"
                + " B4 16";
        assertThat(read(frame)).containsExactly(12_345_678_000L, 3_000L);
    }

    @Test
    void anEnergyRecordInTenthsOfMWhIsConvertedToWh() throws Exception {
        // 0C FB 00: 8-digit BCD, VIF FB (second extension table) with VIFE E000 000n = MWh x 10^(n-1): 123456 x 0.1 MWh.
        // 02 2B: 16-bit integer, VIF 0010 1011 = W x 10^(3-3): 0x04D2 = 1234 W.
        String frame = "68 1A 1A 68 08 05 72 78 56 34 12 2D 2C 1B 04 01 00 00 00"
                + " 0C FB 00 56 34 12 00"
                + " 02 2B D2 04"
                + " B2 16";
        assertThat(read(frame)).containsExactly(12_345_600_000L, 1_234L);
    }

    @Test
    void anEnergyRecordInTenthsOfGJIsConvertedToWhRoundedDown() throws Exception {
        // 04 FB 08: 32-bit integer, VIF FB with VIFE E000 100n = GJ x 10^(n-1): 0x3039 = 12345 x 0.1 GJ = 1234.5 GJ
        // = 1.2345e12 J / 3600 = 342 916 666.66... Wh; the register keeps whole Wh and never claims energy not yet
        // delivered, so the fraction waits for the next reading.
        String frame = "68 1A 1A 68 08 05 72 78 56 34 12 2D 2C 1B 04 01 00 00 00"
                + " 04 FB 08 39 30 00 00"
                + " 02 2B D2 04"
                + " 7F 16";
        assertThat(read(frame)).containsExactly(342_916_666L, 1_234L);
    }
}
