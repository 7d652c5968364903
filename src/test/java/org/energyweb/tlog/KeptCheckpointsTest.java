package org.energyweb.tlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(kept.bytes(10)).contains(ten.encoded().getBytes(StandardCharsets.UTF_8));
        assertThat(kept.at(2)).contains(two);
        assertThat(data.resolve("log/checkpoints/x000/000/10")).exists();
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

    @Test
    void checkpointsAreKeptInFoldersOfAThousandSizesUnderFoldersOfAMillion() {
        KeptCheckpoints kept = new KeptCheckpoints(data);

        for (long size : new long[] {1_234_067, 5, 1000, 999, 2_000_000_001L}) {
            kept.keep(checkpoint(size, 1));
        }

        assertThat(data.resolve("log/checkpoints/x000/000/5")).exists();
        assertThat(data.resolve("log/checkpoints/x000/000/999")).exists();
        assertThat(data.resolve("log/checkpoints/x000/001/1000")).exists();
        assertThat(data.resolve("log/checkpoints/x001/234/1234067")).exists();
        assertThat(data.resolve("log/checkpoints/x2000/000/2000000001")).exists();
        assertThat(kept.sizes()).containsExactly(5L, 999L, 1000L, 1_234_067L, 2_000_000_001L);
        assertThat(kept.sizesAbove(999)).containsExactly(1000L, 1_234_067L, 2_000_000_001L);
    }

    @Test
    void theSizesAboveOneAreListedWithoutReadingTheFoldersOfSmallerOnes() throws Exception {
        KeptCheckpoints kept = new KeptCheckpoints(data);
        kept.keep(checkpoint(1_234_067, 1));
        kept.keep(checkpoint(2_000_001, 2));
        // Not a folder: listing it fails, so a listing that reads it cannot go unnoticed.
        Files.writeString(data.resolve("log/checkpoints/x001/999"), "not a folder");

        assertThat(kept.sizesAbove(2_000_000)).containsExactly(2_000_001L);
        assertThatThrownBy(kept::sizes).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void aFlatFolderOfAnEarlierReleaseIsReadAndMovedIntoFolders() throws Exception {
        Path flat = Files.createDirectories(data.resolve("log/checkpoints"));
        SignedNote seven = checkpoint(7, 1);
        SignedNote large = checkpoint(1_234_067, 2);
        Files.writeString(flat.resolve("7"), seven.encoded());
        Files.writeString(flat.resolve("1234067"), large.encoded());
        KeptCheckpoints kept = new KeptCheckpoints(data);

        assertThat(kept.sizes()).containsExactly(7L, 1_234_067L);
        assertThat(kept.at(7)).contains(seven);
        assertThat(kept.keep(checkpoint(7, 9))).as("the flat note of size 7 is final").isFalse();

        assertThat(kept.migrate()).isEqualTo(2);

        assertThat(flat.resolve("7")).doesNotExist();
        assertThat(flat.resolve("x000/000/7")).hasContent(seven.encoded());
        assertThat(flat.resolve("x001/234/1234067")).hasContent(large.encoded());
        assertThat(kept.sizes()).containsExactly(7L, 1_234_067L);
        assertThat(kept.at(1_234_067)).contains(large);
        assertThat(kept.migrate()).isZero();
    }
}
