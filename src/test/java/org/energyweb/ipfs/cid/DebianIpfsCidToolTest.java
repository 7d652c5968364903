package org.energyweb.ipfs.cid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A second, independent implementation: Debian's {@code ipfs_cid} (Rust), installed with {@code apt-get install ipfs-cid}. */
class DebianIpfsCidToolTest {

    private static final Path TOOL = Path.of("/usr/bin/ipfs_cid");
    private static final int CHUNK = UnixFsOptions.DEFAULT_CHUNK_SIZE;

    @TempDir
    Path folder;

    @BeforeAll
    static void toolIsInstalled() {
        // Installed by .ci/run; a missing tool fails the suite rather than silently skipping the check.
        assertThat(Files.isExecutable(TOOL)).as("Debian's ipfs-cid is installed (apt-get install -y ipfs-cid)").isTrue();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 18, CHUNK - 1, CHUNK, CHUNK + 1, 3 << 20, UnixFsOptions.MAX_LINKS * CHUNK + 1})
    void cidV0EqualsTheToolsAndSoDoesItsV1Form(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path file = Files.write(folder.resolve("f.bin"), data);

        JsonNode tool = runTool(file);
        Cid cid = UnixFs.cidOf(data, UnixFsOptions.forCidVersion(0));

        assertThat(cid).hasToString(tool.get("CIDv0").asText());
        assertThat(cid.toV1()).hasToString(tool.get("CIDv1").asText());
    }

    private static JsonNode runTool(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(TOOL.toString(), file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
        return new ObjectMapper().readTree(out);
    }
}
