package org.energyweb.tlog;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** c2sp.org/tlog-checkpoint "Note text" against the specification's example. */
class CheckpointTest {

    static final String SPEC_CHECKPOINT = "example.com/behind-the-sofa\n"
            + "20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
            + "\n"
            + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

    @Test
    void theSpecExampleParsesIntoOriginSizeAndRootAndIsWrittenBackByteForByte() {
        SignedNote note = SignedNote.parse(SPEC_CHECKPOINT);
        Checkpoint checkpoint = Checkpoint.parse(note.text());

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(checkpoint.root()).isEqualTo(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.text()).isEqualTo(note.text());
        assertThat(new SignedNote(checkpoint.text(), note.signatures()).encoded()).isEqualTo(SPEC_CHECKPOINT);
    }

    @Test
    void extensionLinesAreKeptInOrder() {
        Checkpoint checkpoint = Checkpoint.parse("log.example/a\n0\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\nfirst\nsecond\n");

        assertThat(checkpoint.extensions()).containsExactly("first", "second");
        assertThat(checkpoint.text()).endsWith("\nfirst\nsecond\n");
    }

    @Test
    void sizesWithLeadingZeroesMissingLinesAndShortRootsAreRefused() {
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> Checkpoint.parse("log.example/a\n007\n" + root + "\n")).hasMessageContaining("leading zeroes");
        assertThatThrownBy(() -> Checkpoint.parse("log.example/a\n7\n")).hasMessageContaining("three lines");
        assertThatThrownBy(() -> Checkpoint.parse("log.example/a\n7\nAAAA\n")).hasMessageContaining("32-byte");
        assertThatThrownBy(() -> Checkpoint.parse("log.example/a\n7\n" + root + "\n\n")).hasMessageContaining("extension");
        assertThatThrownBy(() -> new Checkpoint("", 1, new byte[32], List.of())).hasMessageContaining("origin");
    }
}
