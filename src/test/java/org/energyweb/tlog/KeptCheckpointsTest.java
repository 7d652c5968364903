package org.energyweb.tlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KeptCheckpointsTest {

    private static final NoteSigner KEY = LedgerLogTest.KEY;

    @TempDir
    Path data;

    private static SignedNote checkpoint(long size, int rootByte) {
        byte[] root = new byte[32];
        root[0] = (byte) rootByte;
        return SignedNote.sign(new Checkpoint(KEY.name(), size, root).text(), KEY);
    }

    @Test
    void eachCheckpointIsKeptUnderItsSizeAsTheExactNoteBytes() {
        KeptCheckpoints kept = new KeptCheckpoints(data);
        SignedNote ten = checkpoint(10, 1);
        SignedNote two = checkpoint(2, 2);

        kept.keep(ten);
        kept.keep(two);

        assertThat(kept.sizes()).containsExactly(2L, 10L);
        assertThat(kept.bytes(10)).contains(ten.encoded().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(kept.at(2)).contains(two);
        assertThat(data.resolve("log/checkpoints/10")).exists();
        assertThat(kept.at(3)).isEmpty();
    }

    @Test
    void theFirstNoteKeptForASizeIsFinal() {
        KeptCheckpoints kept = new KeptCheckpoints(data);
        SignedNote first = checkpoint(5, 1);

        assertThat(kept.keep(first)).isTrue();
        assertThat(kept.keep(checkpoint(5, 9))).isFalse();

        assertThat(kept.at(5)).contains(first);
    }

    @Test
    void aFileLeftHalfWrittenByAKillIsNoKeptCheckpoint() throws Exception {
        KeptCheckpoints kept = new KeptCheckpoints(data);
        kept.keep(checkpoint(7, 1));
        Files.writeString(data.resolve("log/checkpoints/8.tmp"), "gateway.example/log\n8\n");

        assertThat(kept.sizes()).containsExactly(7L);
        assertThat(new KeptCheckpoints(data.resolve("none")).sizes()).isEmpty();
    }
}
