package org.energyweb.ipfs.cid;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MultibaseTest {

    @Test
    void base32MatchesRfc4648VectorsInLowerCaseWithoutPadding() {
        assertThat(Base32.encode("".getBytes(UTF_8))).isEmpty();
        assertThat(Base32.encode("f".getBytes(UTF_8))).isEqualTo("my");
        assertThat(Base32.encode("fo".getBytes(UTF_8))).isEqualTo("mzxq");
        assertThat(Base32.encode("foo".getBytes(UTF_8))).isEqualTo("mzxw6");
        assertThat(Base32.encode("foob".getBytes(UTF_8))).isEqualTo("mzxw6yq");
        assertThat(Base32.encode("fooba".getBytes(UTF_8))).isEqualTo("mzxw6ytb");
        assertThat(Base32.encode("foobar".getBytes(UTF_8))).isEqualTo("mzxw6ytboi");
    }

    @Test
    void base58MatchesBitcoinVectorsIncludingLeadingZeros() {
        assertThat(Base58.encode("Hello World!".getBytes(UTF_8))).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58.encode(new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd})).isEqualTo("11233QC4");
        assertThat(Base58.decode("11233QC4")).containsExactly(0, 0, 0x28, 0x7f, 0xb4, 0xcd);
    }

    @Test
    void bothEncodingsRoundTripRandomBytes() {
        Random random = new Random(42);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            if (length > 3) {
                bytes[0] = 0;
            }
            assertThat(Multibase.decode(Multibase.BASE32.encode(bytes))).isEqualTo(bytes);
            assertThat(Multibase.decode(Multibase.BASE58BTC.encode(bytes))).isEqualTo(bytes);
        }
    }

    @Test
    void decodingRejectsCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> Base58.decode("0OIl")).hasMessageContaining("not base58");
        assertThatThrownBy(() -> Base32.decode("MZXW")).hasMessageContaining("not base32");
        assertThatThrownBy(() -> Multibase.decode("fabc")).hasMessageContaining("unsupported multibase prefix");
    }
}
