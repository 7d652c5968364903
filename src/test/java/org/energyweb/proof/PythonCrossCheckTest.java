package org.energyweb.proof;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The tree against an independent implementation: the RFC's definitions in Python with hashlib. */
class PythonCrossCheckTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void rootsAndPathsAgreeWithAnIndependentPythonImplementationForEverySizeUpTo48() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        List<byte[]> leaves = new ArrayList<>(List.of(
                HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031")));
        leaves.addAll(TestLeaves.digests(43));

        List<String> expected = runPython(leaves);

        List<String> actual = new ArrayList<>();
        for (int size = 1; size <= leaves.size(); size++) {
            MerkleTree tree = MerkleTree.ofLeafInputs(leaves.subList(0, size));
            actual.add(size + " " + HEX.formatHex(tree.root()));
            for (int index = 0; index < size; index++) {
                String path = tree.inclusionPath(index).stream().map(h -> " " + HEX.formatHex(h)).collect(Collectors.joining());
                actual.add(size + " " + index + path);
            }
        }
        assertThat(actual).hasSize(48 + 48 * 49 / 2).isEqualTo(expected);
    }

    private static List<String> runPython(List<byte[]> leaves) throws IOException, InterruptedException {
        Path script = Files.createTempFile("rfc9162", ".py");
        try (InputStream source = PythonCrossCheckTest.class.getResourceAsStream("rfc9162.py")) {
            Files.write(script, source.readAllBytes());
            Process python = new ProcessBuilder(PYTHON.toString(), script.toString()).redirectErrorStream(true).start();
            String input = leaves.stream().map(HEX::formatHex).collect(Collectors.joining("\n", "", "\n"));
            python.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
            python.getOutputStream().close();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(output).isZero();
            return output.lines().map(String::strip).toList();
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
