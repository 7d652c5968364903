package org.energyweb.meter.mbus;

import org.energyweb.meter.link.TcpLink;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MbusSource reading a real libmbus test frame from a loopback M-Bus-to-TCP gateway. */
class MbusSourceTest {

    private static final byte[] ALE3 = MbusGateway.frame("SBC_Saia-Burgess-ALE3.hex");

    private static MbusSource source(MbusGateway gateway, int primary, String secondary, int tariff, Duration timeout) {
        return new MbusSource(new MbusSettings("ale3", new TcpLink("127.0.0.1", gateway.port()), primary, secondary, 0, tariff, timeout), Clock.systemUTC());
    }

    @Test
    void aMeterReadAtItsPrimaryAddressGivesTheChosenTariffsEnergyInWh() throws Exception {
        try (MbusGateway gateway = new MbusGateway(0x28, ALE3);
             MbusSource tariff1 = source(gateway, 40, null, 1, Duration.ofSeconds(5));
             MbusSource tariff2 = source(gateway, 40, null, 2, Duration.ofSeconds(5))) {
            // BCD 00000293 at VIF 04 (Wh x 10) and BCD 00000006 at the same VIF, as libmbus decodes them
            assertThat(tariff1.poll()).extracting(Measurement::energyWh, Measurement::source).containsExactly(2_930L, "mbus:127.0.0.1:" + gateway.port() + "/40");
            assertThat(tariff2.poll().energyWh()).isEqualTo(60L);
        }
    }

    @Test
    void aMeterSelectedByItsSecondaryAddressIsReadAtTheSelectionAddress() throws Exception {
        try (MbusGateway gateway = new MbusGateway(0x28, ALE3);
             MbusSource source = source(gateway, 0, "55000019434C1602", 1, Duration.ofSeconds(5))) {
            assertThat(source.poll().energyWh()).isEqualTo(2_930L);
        }
    }

    @Test
    void aMissingTariffIsAFaultAndNoReading() throws Exception {
        try (MbusGateway gateway = new MbusGateway(0x28, ALE3); MbusSource source = source(gateway, 40, null, 0, Duration.ofSeconds(5))) {
            assertThatThrownBy(source::poll).isInstanceOfSatisfying(MeterFaultException.class, fault -> {
                assertThat(fault.unreachable()).isFalse();
                assertThat(fault.fault().reason()).isEqualTo("the meter's answer has no energy record of storage number 0 and tariff 0");
            });
        }
    }

    @Test
    void aMeterThatDoesNotAnswerAtItsAddressIsUnreachable() throws Exception {
        try (MbusGateway gateway = new MbusGateway(0x28, ALE3); MbusSource source = source(gateway, 41, null, 1, Duration.ofMillis(500))) {
            assertThatThrownBy(source::poll).isInstanceOfSatisfying(MeterFaultException.class, fault -> {
                assertThat(fault.unreachable()).isTrue();
                assertThat(fault.fault().reason()).startsWith("M-Bus meter unreachable: ");
            });
        }
    }

    @Test
    void aFrameWithABadChecksumIsAFaultAndNoReading() throws Exception {
        byte[] corrupted = ALE3.clone();
        corrupted[22] = (byte) 0x94;
        try (MbusGateway gateway = new MbusGateway(0x28, corrupted); MbusSource source = source(gateway, 40, null, 1, Duration.ofSeconds(2))) {
            // 93 -> 94 in the BCD of tariff 1 (2940 Wh instead of 2930): the checksum 0A no longer adds up
            assertThatThrownBy(source::poll).isInstanceOfSatisfying(MeterFaultException.class, fault -> {
                assertThat(fault.unreachable()).isFalse();
                assertThat(fault.fault().reason()).isEqualTo("checksum mismatch: frame says 0A, its bytes give 0B");
                assertThat(fault.fault().payload()).isEqualTo(corrupted);
            });
        }
    }
}
