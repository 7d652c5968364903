package org.energyweb.tlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class DurableFilesTest {

    @TempDir
    Path root;

    @Test
    void aTileWrittenIntoNewFoldersForcesEachNewFolderIntoItsParent() throws Exception {
        Files.createDirectories(root.resolve("tile/0"));
        Set<Path> forced = ConcurrentHashMap.newKeySet();
        DurableFiles files = new DurableFiles(root, forced::add);
        Map<String, byte[]> tiles = new LinkedHashMap<>();
        tiles.put(TilePath.tile(0, 1_234_067, 256), new byte[] {1});
        tiles.put(TilePath.tile(0, 1_234_068, 3), new byte[] {2});

        files.writeAll(tiles);
        files.sync();

        assertThat(root.resolve("tile/0/x001/x234/067")).hasBinaryContent(new byte[] {1});
        assertThat(forced).containsExactlyInAnyOrder(
                root.resolve("tile/0"), root.resolve("tile/0/x001"), root.resolve("tile/0/x001/x234"), root.resolve("tile/0/x001/x234/068.p"));
    }
}
