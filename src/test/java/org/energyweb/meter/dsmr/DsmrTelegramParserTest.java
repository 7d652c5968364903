package org.energyweb.meter.dsmr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsmrTelegramParserTest {

    private static DsmrSample sample(String telegram) throws DsmrFormatException {
        return DsmrSampleReader.read(DsmrTelegramParser.parse(telegram.getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {Telegrams.SPEC_EXAMPLE, Telegrams.DSMR_5, Telegrams.DSMR_42, Telegrams.E_MUCS})
    void ourCrcAgreesWithAnIndependentImplementation(String name) throws Exception {
        String telegram = Telegrams.text(name);
        byte[] bytes = telegram.getBytes(StandardCharsets.US_ASCII);

        int ours = Crc16Arc.of(bytes, telegram.indexOf('/'), telegram.indexOf('!') + 1);

        assertThat(String.format("%04X", ours)).isEqualTo(Telegrams.independentCrc(telegram));
    }

    @Test
    void crc16ArcGivesItsCatalogueCheckValue() {
        // The CRC catalogue's check value of CRC-16/ARC for the ASCII bytes "123456789".
        assertThat(Crc16Arc.of("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9)).isEqualTo(0xBB3D);
    }

    @Test
    void publishedTelegramsPassTheirOwnCrc() throws Exception {
        for (String name : new String[] {Telegrams.DSMR_5, Telegrams.DSMR_42, Telegrams.E_MUCS}) {
            assertThat(DsmrTelegramParser.parse(Telegrams.bytes(name)).raw()).isEqualTo(Telegrams.bytes(name));
        }
    }

    @Test
    void theSpecExampleAsPrintedIsRefusedBecauseItsCrcDoesNotMatchItsText() {
        assertThatThrownBy(() -> DsmrTelegramParser.parse(Telegrams.bytes(Telegrams.SPEC_EXAMPLE)))
                .hasMessage("CRC mismatch: telegram says EF2F, its bytes give E47C");
    }

    @Test
    void theSpecExampleGivesExactWattHoursWattsItsTimeItsEquipmentIdAndGas() throws Exception {
        String spec = Telegrams.text(Telegrams.SPEC_EXAMPLE);
        DsmrSample sample = sample(Telegrams.withCrc(spec, Telegrams.independentCrc(spec)));

        assertThat(sample.importWh()).isEqualTo(246_913_578L);
        assertThat(sample.exportWh()).isEqualTo(246_913_578L);
        assertThat(sample.powerW()).isEqualTo(1_193L);
        // 101209113020W: winter time, UTC+1
        assertThat(sample.time()).isEqualTo(Instant.parse("2010-12-09T10:30:20Z"));
        assertThat(sample.equipmentId()).isEqualTo("K8EG004046395507");
        assertThat(sample.gas()).hasValue(new DsmrSample.Gas(Instant.parse("2010-12-09T10:25:00Z"), new BigDecimal("12785.123")));
    }

    @Test
    void aDsmr5TelegramSumsBothTariffs() throws Exception {
        DsmrSample sample = sample(Telegrams.text(Telegrams.DSMR_5));

        assertThat(sample.importWh()).isEqualTo(4_426L + 2_399L);
        assertThat(sample.exportWh()).isEqualTo(2_444L);
        assertThat(sample.powerW()).isEqualTo(244L);
        assertThat(sample.time()).isEqualTo(Instant.parse("2017-01-02T18:20:02Z"));
        assertThat(sample.gas()).hasValue(new DsmrSample.Gas(Instant.parse("2017-01-02T15:10:05Z"), new BigDecimal("00000.107")));
    }

    @Test
    void aDsmr42TelegramIsRead() throws Exception {
        DsmrSample sample = sample(Telegrams.text(Telegrams.DSMR_42));

        assertThat(sample.importWh()).isEqualTo(1_581_123L + 1_435_706L);
        assertThat(sample.exportWh()).isZero();
        assertThat(sample.powerW()).isEqualTo(2_027L);
        assertThat(sample.time()).isEqualTo(Instant.parse("2016-11-13T19:57:57Z"));
        assertThat(sample.gas()).hasValue(new DsmrSample.Gas(Instant.parse("2016-11-29T19:00:00Z"), new BigDecimal("00981.443")));
    }

    @Test
    void aBelgianTelegramTakesSummerTimeAndGasFrom24_2_3() throws Exception {
        DsmrSample sample = sample(Telegrams.text(Telegrams.E_MUCS));

        assertThat(sample.importWh()).isEqualTo(260_129L + 338_681L);
        assertThat(sample.exportWh()).isEqualTo(10L + 425L);
        assertThat(sample.powerW()).isEqualTo(261L);
        // 190821210025S: summer time, UTC+2
        assertThat(sample.time()).isEqualTo(Instant.parse("2019-08-21T19:00:25Z"));
        assertThat(sample.gas()).hasValue(new DsmrSample.Gas(Instant.parse("2019-08-21T19:00:11Z"), new BigDecimal("00029.553")));
    }

    @Test
    void oneChangedDigitIsACrcMismatch() {
        String corrupted = Telegrams.corrupted(Telegrams.text(Telegrams.DSMR_5), "1-0:1.8.1(000004.426", "1-0:1.8.1(000094.426");

        assertThatThrownBy(() -> sample(corrupted)).isInstanceOf(DsmrFormatException.class).hasMessageStartingWith("CRC mismatch: telegram says 6EEE");
    }

    @Test
    void aTelegramWithoutCrcIsRefused() {
        String withoutCrc = Telegrams.withCrc(Telegrams.text(Telegrams.DSMR_5), "");

        assertThatThrownBy(() -> sample(withoutCrc)).hasMessageContaining("has no CRC");
    }

    @Test
    void aMissingRegisterIsAFaultNotZero() throws Exception {
        String telegram = Telegrams.text(Telegrams.DSMR_5).replace("1-0:1.8.2(000002.399*kWh)\r\n", "");
        String recrc = Telegrams.withCrc(telegram, Telegrams.independentCrc(telegram));

        assertThatThrownBy(() -> sample(recrc)).hasMessage("telegram has no 1-0:1.8.2");
    }

    @Test
    void aRegisterFinerThanOneWattHourIsRefusedRatherThanRounded() throws Exception {
        String telegram = Telegrams.text(Telegrams.DSMR_5).replace("(000004.426*kWh)", "(000004.4261*kWh)");
        String recrc = Telegrams.withCrc(telegram, Telegrams.independentCrc(telegram));

        assertThatThrownBy(() -> sample(recrc)).hasMessage("1-0:1.8.1 value 000004.4261*kWh is not a whole number of Wh");
    }

    @Test
    void registersInWattHoursAreReadAsSent() throws Exception {
        assertThat(DsmrValues.wattHours("1-0:1.8.1", "005017120*Wh")).isEqualTo(5_017_120L);
        assertThat(DsmrValues.watts("1-0:1.7.0", "000000286*W")).isEqualTo(286L);
    }
}
