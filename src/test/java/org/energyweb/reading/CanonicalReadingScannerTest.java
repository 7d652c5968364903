package org.energyweb.reading;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path of parsing agrees with the general parser: it only ever accepts canonical bytes. */
class CanonicalReadingScannerTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(2026);

    private static Reading randomReading(boolean plainAscii) {
        long seq = RANDOM.nextInt(3) == 0 ? 0 : RANDOM.nextLong(1, 1L << 40);
        String source = plainAscii ? "modbus:127.0.0.1:" + RANDOM.nextInt(65536) + "/1" : "caf\u00e9 \"quoted\"\n\\";
        boolean down = RANDOM.nextBoolean();
        return new Reading("m" + RANDOM.nextInt(1000), seq, Instant.ofEpochMilli(RANDOM.nextLong(0, 4_000_000_000_000L)),
                RANDOM.nextLong(0, 1L << 50), down, source, seq == 0 ? null : Sha256.hex(Sha256.digest(new byte[] {(byte) seq})),
                RANDOM.nextBoolean() ? RANDOM.nextLong(0, 1L << 40) : null, RANDOM.nextBoolean() ? RANDOM.nextLong(-100_000, 100_000) : null,
                seq != 0 && !down && RANDOM.nextInt(4) == 0);
    }

    @Test
    void canonicalDocumentsWithPlainStringsAreReadWithoutTheGeneralParser() {
        for (int i = 0; i < 10_000; i++) {
            Reading reading = randomReading(true);
            assertThat(CanonicalReadingScanner.scan(reading.toCanonicalJson())).isEqualTo(reading);
        }
    }

    @Test
    void documentsWithEscapedStringsAreLeftToTheGeneralParser() {
        Reading reading = randomReading(false);
        byte[] bytes = reading.toCanonicalJson();
        assertThat(CanonicalReadingScanner.scan(bytes)).isNull();
        assertThat(ReadingDocument.parse(bytes).reading()).isEqualTo(reading);
    }

    @Test
    void whateverTheScannerAcceptsIsExactlyTheCanonicalFormOfWhatItReturns() {
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = mutate(randomReading(true).toCanonicalJson());
            Reading scanned = CanonicalReadingScanner.scan(bytes);
            if (scanned != null) {
                assertThat(scanned.toCanonicalJson()).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(bytes);
            }
        }
    }

    @Test
    void aDocumentWithWhitespaceOrAnotherMemberOrderIsNotCanonical() {
        byte[] bytes = randomReading(true).toCanonicalJson();
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String variant : new String[] {text.replace(",", ", "), text.replace("{\"down\":", "{ \"down\":"),
                text.replaceFirst("\\{\"down\":(true|false),", "{") .replace("}", ",\"down\":false}")}) {
            byte[] variantBytes = variant.getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalReadingScanner.scan(variantBytes)).isNull();
        }
    }

    private static byte[] mutate(byte[] bytes) {
        int position = RANDOM.nextInt(bytes.length);
        return switch (RANDOM.nextInt(3)) {
            case 0 -> {
                byte[] changed = bytes.clone();
                changed[position] = (byte) "0123456789-\",:{}ae ".charAt(RANDOM.nextInt(19));
                yield changed;
            }
            case 1 -> {
                byte[] shorter = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, shorter, 0, position);
                System.arraycopy(bytes, position + 1, shorter, position, bytes.length - position - 1);
                yield shorter;
            }
            default -> {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
                System.arraycopy(bytes, position, longer, position + 1, bytes.length - position);
                longer[position] = (byte) "0123456789-\",:{}ae ".charAt(RANDOM.nextInt(19));
                yield longer;
            }
        };
    }
}
