package org.energyweb.ipfs.cid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.energyweb.ipfs.IpfsPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CID computed offline equals the one a real js-ipfs node gives, around every chunk and link boundary. */
class UnixFsAgainstNodeTest {

    private static final int CHUNK = UnixFsOptions.DEFAULT_CHUNK_SIZE;
    private static final int ONE_FULL_NODE = UnixFsOptions.MAX_LINKS * CHUNK;

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 1 << 20, ONE_FULL_NODE - 1, ONE_FULL_NODE, ONE_FULL_NODE + 1, 45 << 20})
    void cidV0EqualsTheNodesWithItsDefaults(int size) throws IOException {
        Path file = randomFile(size);

        Cid node = IPFS.client().nodeCidOf(file, Map.of());

        assertThat(UnixFs.cidOf(file, UnixFsOptions.forCidVersion(0))).hasToString(node.toString());
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 1 << 20, ONE_FULL_NODE - 1, ONE_FULL_NODE, ONE_FULL_NODE + 1, 45 << 20})
    void cidV1EqualsTheNodesWhichUsesRawLeavesUnasked(int size) throws IOException {
        Path file = randomFile(size);

        Cid node = IPFS.client().nodeCidOf(file, Map.of("cid-version", "1", "cid-base", "base32"));

        assertThat(UnixFs.cidOf(file, UnixFsOptions.forCidVersion(1))).hasToString(node.toString());
    }

    @Test
    void cidV1WithDagPbLeavesEqualsTheNodesWhenRawLeavesAreTurnedOff() throws IOException {
        Path file = randomFile(CHUNK + 1);

        Cid node = IPFS.client().nodeCidOf(file, Map.of("cid-version", "1", "raw-leaves", "false"));

        assertThat(UnixFs.cidOf(file, new UnixFsOptions(1, false, CHUNK))).isEqualTo(node);
    }

    /** Small chunks reach a third tree level (more than 174 * 174 leaves) without gigabytes of data. */
    @ParameterizedTest(name = "{0} leaves of 16 bytes")
    @ValueSource(ints = {UnixFsOptions.MAX_LINKS * UnixFsOptions.MAX_LINKS, UnixFsOptions.MAX_LINKS * UnixFsOptions.MAX_LINKS + 1})
    void threeLevelTreeEqualsTheNodes(int leaves) throws IOException {
        Path file = randomFile(leaves * 16);

        Cid node = IPFS.client().nodeCidOf(file, Map.of("chunker", "size-16", "only-hash", "true"));

        assertThat(UnixFs.cidOf(file, UnixFsOptions.forCidVersion(0).withChunkSize(16))).isEqualTo(node);
    }

    private Path randomFile(int size) throws IOException {
        Path file = folder.resolve(size + ".bin");
        Random random = new Random(size);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, Math.min(left, buffer.length));
            }
        }
        return file;
    }
}
