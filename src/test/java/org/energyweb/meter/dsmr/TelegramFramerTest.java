package org.energyweb.meter.dsmr;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramFramerTest {

    private static TelegramFramer framer(String stream) {
        return new TelegramFramer(new ByteArrayInputStream(stream.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aConnectionOpenedMidTelegramStartsAtTheNextWholeOne() throws Exception {
        String v5 = Telegrams.text(Telegrams.DSMR_5);
        TelegramFramer framer = framer(v5.substring(200) + v5);

        assertThat(new String(framer.next(), StandardCharsets.US_ASCII)).isEqualTo(v5);
        assertThatThrownBy(framer::next).isInstanceOf(EOFException.class);
    }

    @Test
    void aTelegramCutShortIsAFaultAndTheNextOneIsStillRead() throws Exception {
        String v5 = Telegrams.text(Telegrams.DSMR_5);
        TelegramFramer framer = framer(v5.substring(0, 300) + v5);

        assertThatThrownBy(framer::next).isInstanceOf(DsmrFormatException.class).hasMessageStartingWith("telegram cut short");
        assertThat(new String(framer.next(), StandardCharsets.US_ASCII)).isEqualTo(v5);
    }
}
