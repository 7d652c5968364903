package org.energyweb.tlog.witness;

import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** c2sp.org/tlog-cosignature cosignature/v1 against the spec's examples. */
class CosignatureTest {

    /** tlog-cosignature, the introduction's example checkpoint with a cosignature. */
    static final String SPEC_CHECKPOINT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    static final String SPEC_NOTE = SPEC_CHECKPOINT + "\n"
            + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
            + "\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";

    private static Cosigner witness(String name, int seedByte) {
        return new Cosigner(name, seed(seedByte));
    }

    @Test
    void theSpecExampleCosignatureIsKeyIdThenBigEndianTimestampThenEd25519Signature() {
        SignedNote.Signature cosignature = SignedNote.parse(SPEC_NOTE).signatures().get(1);

        assertThat(cosignature.bytes()).hasSize(4 + 8 + 64);
        // "Ed25519 signed message" example: "time 1679315147".
        assertThat(ByteBuffer.wrap(cosignature.bytes(), 4, 8).getLong()).isEqualTo(1679315147L);
    }

    @Test
    void theSignedMessageIsTheSpecExampleByteForByte() {
        assertThat(new String(CosignatureVerifier.signedMessage(1679315147L, SPEC_CHECKPOINT), StandardCharsets.UTF_8))
                .isEqualTo("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void aCosignatureVerifiesOnItsCheckpointGivingItsTimeAndOnNoOther() {
        Cosigner cosigner = witness("witness.example/w1", 7);
        SignedNote.Signature line = cosigner.cosign(SPEC_CHECKPOINT, 1679315147L);
        String other = new Checkpoint("example.com/behind-the-sofa", 20852164, new byte[32]).text();

        assertThat(cosigner.verifier().verify(SPEC_CHECKPOINT, line)).isEqualTo(OptionalLong.of(1679315147L));
        assertThat(cosigner.verifier().verify(other, line)).isEmpty();
        assertThat(witness("witness.example/w2", 7).verifier().verify(SPEC_CHECKPOINT, line)).isEmpty();
    }

    @Test
    void theVerifierKeyUsesSignatureType0x04InItsTextAndKeyIdAndRoundTrips() {
        CosignatureVerifier key = witness("witness.example/w1", 7).verifier();

        assertThat(Base64.getDecoder().decode(key.text().split("\\+")[2])[0]).isEqualTo((byte) 0x04);
        assertThat(CosignatureVerifier.parse(key.text())).isEqualTo(key);
        assertThat(key.keyId()).isNotEqualTo(new NoteSigner("witness.example/w1", seed(7)).verifier().keyId());
    }

    @Test
    void aPlainSignedNoteKeyIsNotACosignatureKey() {
        String noteKey = new NoteSigner("witness.example/w1", seed(7)).verifier().text();

        assertThatThrownBy(() -> CosignatureVerifier.parse(noteKey)).hasMessageContaining("0x04");
    }

    private static byte[] seed(int first) {
        byte[] seed = new byte[32];
        seed[0] = (byte) first;
        return seed;
    }
}
