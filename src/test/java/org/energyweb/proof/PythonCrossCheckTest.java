package org.energyweb.proof;

import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Cross-checks against independent implementations: the RFC's definitions and docs/field-proofs.md in Python with hashlib. */
class PythonCrossCheckTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rootsAndPathsAgreeWithAnIndependentPythonImplementationForEverySizeUpTo48() throws Exception {
        List<byte[]> leaves = new ArrayList<>(List.of(
                HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031")));
        leaves.addAll(TestLeaves.digests(43));

        String input = leaves.stream().map(HEX::formatHex).collect(Collectors.joining("\n", "", "\n"));
        List<String> expected = PythonScript.run("rfc9162.py", List.of(), input);

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

        assertThat(PythonScript.run("verify_proof.py", proofs, "")).hasSize(proofs.size()).containsOnly("valid");
        assertThat(PythonScript.run("verify_proof.py", tampered, "")).containsExactly(
                "invalid: inclusion path does not lead to root", "invalid: field does not lead to the field root");
    }
}
