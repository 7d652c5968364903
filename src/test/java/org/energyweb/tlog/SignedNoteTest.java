package org.energyweb.tlog;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** c2sp.org/signed-note against its published examples and those of its reference implementation. */
class SignedNoteTest {

    /** signed-note "Verifier keys", "Example". */
    static final String SPEC_KEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    static final String SPEC_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    /** The package documentation of golang.org/x/mod/sumdb/note, the format's reference implementation. */
    static final String GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void signingTheReferenceTextWithTheReferenceKeyGivesTheReferenceNoteByteForByte() {
        NoteSigner signer = NoteSigner.parse(GO_SIGNER);

        assertThat(SignedNote.sign(GO_TEXT, signer).encoded()).isEqualTo(GO_NOTE);
        assertThat(signer.verifier().text()).isEqualTo(GO_VERIFIER);
        assertThat(HexFormat.of().toHexDigits(signer.verifier().keyId())).isEqualTo("c74f20a3");
    }

    @Test
    void theSpecExampleNoteVerifiesWithTheSpecExampleKeyAndRoundTrips() {
        NoteVerifier key = NoteVerifier.parse(SPEC_KEY);
        SignedNote note = SignedNote.parse(SPEC_NOTE);

        assertThat(key.keyId()).isEqualTo(0x530d903a);
        assertThat(key.text()).isEqualTo(SPEC_KEY);
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.verifiedBy(List.of(key))).containsExactly(key);
        assertThat(note.encoded()).isEqualTo(SPEC_NOTE);
    }

    @Test
    void theKeyIdIsTheFirstFourBytesOfSha256OfNameNewlineTypeAndKey() {
        NoteVerifier key = NoteVerifier.parse(SPEC_KEY);

        assertThat(NoteVerifier.keyId("example.com/foo", key.publicKey())).isEqualTo(0x530d903a);
        assertThatThrownBy(() -> new NoteVerifier("example.com/bar", 0x530d903a, key.publicKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangedTextOrSignatureOfAKnownKeyRejectsTheWholeNote() {
        NoteVerifier key = NoteVerifier.parse(GO_VERIFIER);
        SignedNote changedText = SignedNote.parse(GO_NOTE.replace("problem is", "problem was"));
        byte[] signature = Base64.getDecoder().decode("x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=");
        signature[10] ^= 1;
        SignedNote changedSignature = new SignedNote(GO_TEXT, List.of(new SignedNote.Signature("PeterNeumann", signature)));

        assertThatThrownBy(() -> changedText.verifiedBy(List.of(key))).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> changedSignature.verifiedBy(List.of(key))).hasMessageContaining("does not verify");
    }

    @Test
    void signaturesOfUnknownKeysAreIgnoredButANoteWithoutAKnownOneIsRejected() {
        NoteSigner stranger = new NoteSigner("stranger.example/key", new byte[32]);
        SignedNote both = SignedNote.parse(GO_NOTE).with(SignedNote.sign(GO_TEXT, stranger).signatures());

        assertThat(both.verifiedBy(List.of(NoteVerifier.parse(GO_VERIFIER)))).hasSize(1);
        assertThatThrownBy(() -> SignedNote.parse(GO_NOTE).verifiedBy(List.of(stranger.verifier())))
                .hasMessageContaining("no signature of a known key");
    }

    @Test
    void malformedNotesAreRefused() {
        assertThatThrownBy(() -> SignedNote.parse(GO_TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse(GO_NOTE.replace("\u2014", "-"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse(GO_NOTE.replace("problem,", "problem,\t"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoteSigner("has space", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoteSigner("has+plus", new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignerNeverShowsItsSeed() {
        NoteSigner signer = NoteSigner.parse(GO_SIGNER);

        assertThat(signer.toString()).contains(GO_VERIFIER).doesNotContain("AYEKFALVFGyNhPJEMzD1QIDr");
    }
}
