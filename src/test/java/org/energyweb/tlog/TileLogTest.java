package org.energyweb.tlog;

import org.energyweb.proof.MerkleProofs;
import org.energyweb.proof.MerkleTree;
import org.energyweb.proof.SubtreeHashes;
import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The c2sp.org/tlog-tiles layout and encodings of {@link TileLog}, checked against the level-array tree. */
class TileLogTest {

    private static List<byte[]> entries;
    private static MerkleTree tree;

    @TempDir
    Path dir;

    @BeforeAll
    static void entries() {
        entries = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            entries.add(Sha256.digest(ByteBuffer.allocate(4).putInt(i).array()));
        }
        tree = MerkleTree.ofLeafInputs(entries);
    }

    @Test
    void tileIndexesAreZeroPaddedThreeDigitGroupsWithAnXOnAllButTheLast() {
        assertThat(TilePath.tile(0, 1234067, 256)).isEqualTo("tile/0/x001/x234/067");
        assertThat(TilePath.tile(2, 5, 17)).isEqualTo("tile/2/005.p/17");
        assertThat(TilePath.tile(63, 1000, 1)).isEqualTo("tile/63/x001/000.p/1");
        assertThat(TilePath.entries(1234067, 8)).isEqualTo("tile/entries/x001/x234/067.p/8");
        assertThat(TilePath.entries(0, 256)).isEqualTo("tile/entries/000");
        assertThatThrownBy(() -> TilePath.tile(64, 0, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TilePath.tile(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTreeOf70000IsTheSpecsExampleSetOfTilesAndBundles() throws IOException {
        TileLog log = TileLog.open(dir);
        appendAll(log, 0, 70_000);
        log.commit();

        List<String> files = files();
        // tlog-tiles "Partial Tiles": 273 full level 0 tiles, one partial level 0 tile of width 112, one
        // full level 1 tile, one partial level 1 tile of width 17, and one partial level 2 tile of width 1.
        assertThat(files.stream().filter(f -> f.startsWith("tile/0/") && !f.contains(".p/"))).hasSize(273);
        assertThat(files).filteredOn(f -> f.contains(".p/")).containsExactlyInAnyOrder(
                "tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1", "tile/entries/273.p/112");
        assertThat(files).contains("tile/1/000", "tile/0/272", "tile/entries/272");
        assertThat(files.stream().filter(f -> f.startsWith("tile/entries/") && !f.contains(".p/"))).hasSize(273);
    }

    @Test
    void aTreeOf256IsOneFullLevel0TileAndAPartialLevel1TileOfWidth1() throws IOException {
        TileLog log = TileLog.open(dir);
        appendAll(log, 0, 256);
        log.commit();

        assertThat(files()).containsExactlyInAnyOrder("tile/0/000", "tile/1/000.p/1", "tile/entries/000", TileLog.SIZE_FILE);
        assertThat(Files.readAllBytes(dir.resolve("tile/1/000.p/1"))).isEqualTo(tree.subtreeHashes().hash(8, 0));
    }

    @Test
    void tilesHoldExactlyTheMerkleTreeHashesTheSpecDefinesAndBundlesTheLengthPrefixedEntries() throws IOException {
        TileLog log = TileLog.open(dir);
        appendAll(log, 0, 70_000);
        log.commit();
        SubtreeHashes reference = tree.subtreeHashes();

        // The n-th tile at level l holds MTH(D[(n * 256 + i) * 256**l : (n * 256 + i + 1) * 256**l]), i from 0 to 255.
        assertThat(Files.readAllBytes(dir.resolve("tile/0/272"))).isEqualTo(concat(reference, 0, 272 * 256, 256));
        assertThat(Files.readAllBytes(dir.resolve("tile/0/273.p/112"))).isEqualTo(concat(reference, 0, 273 * 256, 112));
        assertThat(Files.readAllBytes(dir.resolve("tile/1/000"))).isEqualTo(concat(reference, 8, 0, 256));
        assertThat(Files.readAllBytes(dir.resolve("tile/1/001.p/17"))).isEqualTo(concat(reference, 8, 256, 17));
        assertThat(Files.readAllBytes(dir.resolve("tile/2/000.p/1"))).isEqualTo(reference.hash(16, 0));
        byte[] bundle = Files.readAllBytes(dir.resolve("tile/entries/000"));
        assertThat(bundle).hasSize(256 * 34);
        assertThat(Arrays.copyOfRange(bundle, 34, 68)).isEqualTo(ByteBuffer.allocate(34).putShort((short) 32).put(entries.get(1)).array());
    }

    @Test
    void rootsAndProofsOfEveryCommittedSizeComeFromTheTilesAndEqualTheTreesOwn() {
        TileLog log = TileLog.open(dir);
        long[] sizes = {1, 255, 256, 257, 4000, 65535, 65536, 65537, 70_000};
        long appended = 0;
        for (long size : sizes) {
            appendAll(log, (int) appended, (int) size);
            log.commit();
            appended = size;
        }
        TileLog reopened = TileLog.open(dir);
        SubtreeHashes reference = tree.subtreeHashes();

        for (long size : sizes) {
            assertThat(MerkleProofs.root(reopened, size)).as("root of %d", size).isEqualTo(MerkleProofs.root(reference, size));
            for (long index : new long[] {0, size / 3, size - 1}) {
                assertThat(MerkleProofs.inclusionPath(reopened, index, size)).as("path %d of %d", index, size)
                        .containsExactlyElementsOf(MerkleProofs.inclusionPath(reference, index, size));
            }
            for (long old : sizes) {
                if (old <= size) {
                    assertThat(MerkleProofs.consistencyProof(reopened, old, size)).as("%d to %d", old, size)
                            .containsExactlyElementsOf(MerkleProofs.consistencyProof(reference, old, size));
                }
            }
        }
        assertThat(reopened.root()).isEqualTo(tree.root());
    }

    @Test
    void reopeningAtTheCommittedSizeAndAppendingOnGivesTheSameTilesAsOneRun() throws IOException {
        TileLog log = TileLog.open(dir);
        appendAll(log, 0, 300);
        log.commit();
        appendAll(log, 300, 400);
        // not committed: lost on reopen, as after a kill, and appended again from the source
        TileLog reopened = TileLog.open(dir);
        assertThat(reopened.size()).isEqualTo(300);
        appendAll(reopened, 300, 70_000);
        reopened.commit();

        assertThat(reopened.root()).isEqualTo(tree.root());
        assertThat(Files.readAllBytes(dir.resolve("tile/0/001"))).isEqualTo(concat(tree.subtreeHashes(), 0, 256, 256));
        assertThat(files()).filteredOn(f -> f.contains(".p/")).hasSize(4);
    }

    @Test
    void entriesAppendedWhileACommitIsWrittenGoToTheNextCommitAndGiveTheSameTilesAsOneRun() throws IOException {
        TileLog log = TileLog.open(dir);
        appendAll(log, 0, 300);
        CompletableFuture<Void> first = log.commitAsync(1);
        appendAll(log, 300, 70_000);
        assertThat(log.root()).isEqualTo(tree.root());
        log.commit(2);

        assertThat(first).isCompleted();
        TileLog reopened = TileLog.open(dir);
        assertThat(reopened.committedSize()).isEqualTo(70_000);
        assertThat(reopened.committedMark()).isEqualTo(2);
        assertThat(reopened.root()).isEqualTo(tree.root());
        assertThat(Files.readAllBytes(dir.resolve("tile/0/001"))).isEqualTo(concat(tree.subtreeHashes(), 0, 256, 256));
        assertThat(files()).filteredOn(f -> f.contains(".p/")).containsExactlyInAnyOrder(
                "tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1", "tile/entries/273.p/112");
    }

    @Test
    void aCommitThatFailedFailsEveryLaterOneSoNoSizeIsCommittedWithoutItsTiles() throws IOException {
        TileLog log = TileLog.open(dir);
        appendAll(log, 0, 256);
        log.commit();
        // A file where the commit of 300 needs the directory of its partial tile tile/0/001.p/44.
        Files.writeString(dir.resolve("tile/0/001.p"), "in the way");
        appendAll(log, 256, 300);
        log.commitAsync(300);
        appendAll(log, 300, 512);

        assertThatThrownBy(() -> log.commit(512)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("001.p");
        assertThat(TileLog.open(dir).committedSize()).isEqualTo(256);
    }

    @Test
    void aMissingEdgeTileIsReportedAsDamageSoTheLogIsRebuilt() throws IOException {
        TileLog log = TileLog.open(dir);
        appendAll(log, 0, 300);
        log.commit();
        Files.delete(dir.resolve("tile/0/001.p/44"));

        assertThatThrownBy(() -> TileLog.open(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    }

    @Test
    void aReaderThatLearntASizeBeforeTheWriterReplacedItsPartialTilesWithFullOnesReadsTheFullTilesHeads() {
        TileLog writer = TileLog.open(dir);
        appendAll(writer, 0, 300);
        writer.commit();
        long learnt = TileLog.open(dir).committedSize();
        // The writer moves on before the reader reads the edge: tile 1 and bundle 1 become full, their .p/44 are deleted.
        appendAll(writer, 300, 600);
        writer.commit();
        assertThat(dir.resolve("tile/0/001.p")).doesNotExist();
        assertThat(dir.resolve("tile/entries/001.p")).doesNotExist();

        TileLog reader = TileLog.openAt(dir, learnt);

        assertThat(reader.committedSize()).isEqualTo(300);
        assertThat(reader.root()).isEqualTo(MerkleProofs.root(tree.subtreeHashes(), 300));
        assertThat(MerkleProofs.inclusionPath(reader, 299, 300)).containsExactlyElementsOf(MerkleProofs.inclusionPath(tree.subtreeHashes(), 299, 300));
    }

    @Test
    void aReaderAtASizeBetweenTwoCommitsReadsTheHeadOfTheWiderPartialTileCommittedSince() {
        TileLog writer = TileLog.open(dir);
        appendAll(writer, 0, 300);
        writer.commit();
        appendAll(writer, 300, 500);
        writer.commit();
        assertThat(dir.resolve("tile/0/001.p/144")).doesNotExist();

        TileLog reader = TileLog.openAt(dir, 400);

        assertThat(reader.root()).isEqualTo(MerkleProofs.root(tree.subtreeHashes(), 400));
        assertThatThrownBy(() -> TileLog.openAt(dir, 501)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tree of 501");
    }

    @Test
    void aLogOpenedAtAnEarlierSizeCannotBeAppendedTo() {
        TileLog writer = TileLog.open(dir);
        appendAll(writer, 0, 300);
        writer.commit();

        TileLog reader = TileLog.openAt(dir, 200);

        assertThatThrownBy(() -> reader.append(entries.get(200))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void subtreesThatAreNotCompleteAtTheLogsSizeAreRefused() {
        TileLog log = TileLog.open(dir);
        appendAll(log, 0, 300);

        assertThatThrownBy(() -> log.hash(8, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.hash(8, 0)).isEqualTo(tree.subtreeHashes().hash(8, 0));
        assertThat(log.hash(5, 8)).isEqualTo(tree.subtreeHashes().hash(5, 8));
    }

    private static void appendAll(TileLog log, int from, int to) {
        for (int i = from; i < to; i++) {
            log.append(entries.get(i));
        }
    }

    private static byte[] concat(SubtreeHashes hashes, int level, long first, int count) {
        ByteBuffer out = ByteBuffer.allocate(count * 32);
        for (int i = 0; i < count; i++) {
            out.put(hashes.hash(level, first + i));
        }
        return out.array();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
        }
    }
}
