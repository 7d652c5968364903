package org.energyweb.proof;

import org.energyweb.reading.Sha256;
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

/** Cross-checks against independent implementations: the RFC's definitions and docs/field-proofs.md in Python with hashlib. */
class PythonCrossCheckTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void rootsAndPathsAgreeWithAnIndependentPythonImplementationForEverySizeUpTo48() throws Exception {
        assertThat(Files.isExecutable(PYTHON)).as("Debian's python3 is installed").isTrue();
        List<byte[]> leaves = new ArrayList<>(List.of(
                HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031")));
        leaves.addAll(TestLeaves.digests(43));

        String input = leaves.stream().map(HEX::formatHex).collect(Collectors.joining("\n", "", "\n"));
        List<String> expected = runPython("rfc9162.py", List.of(), input);

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

    @Test
    void documentAndFieldProofsVerifyWithAnIndependentPythonVerifierAndTamperedOnesDoNot() throws Exception {
        assertThat(Files.isExecutable(PYTHON)).as("Debian's python3 is installed").isTrue();
        List<byte[]> documents = TestDocuments.readings(7);
        byte[] secret = TestDocuments.secret();
        MerkleTree documentBatch = TestDocuments.batchOf(documents, LeafKind.DOCUMENT_SHA256, secret);
        MerkleTree fieldBatch = TestDocuments.batchOf(documents, LeafKind.FIELD_ROOT, secret);
        List<String> proofs = new ArrayList<>();
        for (int index = 0; index < documents.size(); index++) {
            byte[] document = documents.get(index);
            proofs.add(ProofJson.write(InclusionProof.of(document, documentBatch, index, TestDocuments.ANCHOR)));
            FieldCommitments commitments = FieldCommitments.of(document, SaltSeed.derive(secret, Sha256.digest(document)));
            for (String name : commitments.schema()) {
                proofs.add(ProofJson.write(FieldProof.of(commitments, name, fieldBatch, index, TestDocuments.ANCHOR)));
            }
        }
        String fieldProof = proofs.get(proofs.size() - 1);
        List<String> tampered = List.of(
                fieldProof.replace("\"index\":6,\"size\":7", "\"index\":5,\"size\":7"),
                fieldProof.replace("\"name\":\"time\",\"value\":\"2026-01-31T12:06:00.000Z\"",
                        "\"name\":\"time\",\"value\":\"2026-01-31T12:07:00.000Z\""));

        assertThat(runPython("verify_proof.py", proofs, "")).hasSize(proofs.size()).containsOnly("valid");
        assertThat(runPython("verify_proof.py", tampered, "")).containsExactly(
                "invalid: inclusion path does not lead to root", "invalid: field does not lead to the field root");
    }

    /** Runs one of the Python scripts next to this class with the given files' contents as arguments and stdin. */
    private static List<String> runPython(String scriptName, List<String> files, String input) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("python-cross-check");
        try {
            Path script = dir.resolve(scriptName);
            try (InputStream source = PythonCrossCheckTest.class.getResourceAsStream(scriptName)) {
                Files.write(script, source.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
            for (int i = 0; i < files.size(); i++) {
                Path file = dir.resolve("proof-" + i + ".json");
                Files.writeString(file, files.get(i));
                command.add(file.toString());
            }
            Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
            python.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(output).isZero();
            return output.lines().map(String::strip).toList();
        } finally {
            try (var written = Files.list(dir)) {
                for (Path file : written.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }
}
