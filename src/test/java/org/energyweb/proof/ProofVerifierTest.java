package org.energyweb.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-document proofs: honest ones verify, and each kind of tampering is refused with its reason. */
class ProofVerifierTest {

    private static final ProofVerifier VERIFIER = ProofVerifier.hashesOnly();

    private static InclusionProof proofOf(int index, int size) {
        List<byte[]> documents = TestDocuments.readings(size);
        MerkleTree batch = TestDocuments.batchOf(documents, LeafKind.DOCUMENT_SHA256, TestDocuments.secret());
        return InclusionProof.of(documents.get(index), batch, index, TestDocuments.ANCHOR);
    }

    private static InclusionProof withBatch(InclusionProof proof, BatchPath batch) {
        return new InclusionProof(proof.document(), proof.leaf(), batch);
    }

    private static BatchPath withPath(BatchPath batch, List<byte[]> path) {
        return new BatchPath(batch.index(), batch.size(), path, batch.root(), batch.anchor());
    }

    private static InclusionProof claimedAt(InclusionProof proof, long index, long size) {
        BatchPath batch = proof.batch();
        return withBatch(proof, new BatchPath(index, size, batch.path(), batch.root(), batch.anchor()));
    }

    private static Verification verifiedThroughJson(Proof proof) {
        return VERIFIER.verify(ProofJson.read(ProofJson.write(proof).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 2, 3, 7, 8, 9})
    void everyDocumentOfABatchHasAProofThatVerifies(int size) {
        for (int index = 0; index < size; index++) {
            Verification verification = verifiedThroughJson(proofOf(index, size));
            assertThat(verification.valid()).as("document %d: %s", index, verification.reason()).isTrue();
            assertThat(verification.anchorChecked()).isFalse();
        }
    }

    @Test
    void documentOfAMillionLeafBatchHasAProofThatVerifies() {
        int size = 1_000_000;
        List<byte[]> documents = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            documents.add(("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        MerkleTree batch = TestDocuments.batchOf(documents, LeafKind.DOCUMENT_SHA256, TestDocuments.secret());
        InclusionProof proof = InclusionProof.of(documents.get(765_432), batch, 765_432, TestDocuments.ANCHOR);
        assertThat(verifiedThroughJson(proof).valid()).isTrue();
    }

    @Test
    void alteredDocumentIsRefused() {
        InclusionProof proof = proofOf(3, 7);
        byte[] altered = new String(proof.document(), StandardCharsets.UTF_8).replace("1000750", "1000751").getBytes(StandardCharsets.UTF_8);
        assertThat(VERIFIER.verify(new InclusionProof(altered, proof.leaf(), proof.batch())).reason())
                .isEqualTo("document hash does not match leaf");
    }

    @Test
    void anotherDocumentWithItsOwnLeafIsRefusedAtTheRoot() {
        InclusionProof proof = proofOf(3, 7);
        InclusionProof neighbour = proofOf(4, 7);
        assertThat(VERIFIER.verify(new InclusionProof(neighbour.document(), neighbour.leaf(), proof.batch())).reason())
                .isEqualTo("inclusion path does not lead to root");
    }

    @Test
    void alteredPathElementIsRefused() {
        InclusionProof proof = proofOf(3, 7);
        List<byte[]> path = new ArrayList<>(proof.batch().path());
        byte[] element = path.get(1).clone();
        element[31] ^= 1;
        path.set(1, element);
        assertThat(VERIFIER.verify(withBatch(proof, withPath(proof.batch(), path))).reason())
                .isEqualTo("inclusion path does not lead to root");
    }

    @Test
    void pathWithAnExtraHashIsRefused() {
        InclusionProof proof = proofOf(3, 7);
        List<byte[]> path = new ArrayList<>(proof.batch().path());
        path.add(proof.batch().root());
        assertThat(VERIFIER.verify(withBatch(proof, withPath(proof.batch(), path))).reason())
                .isEqualTo("inclusion path has the wrong length for index 3 in a batch of size 7");
    }

    @Test
    void anotherIndexInsideTheBatchIsRefused() {
        InclusionProof proof = proofOf(3, 7);
        assertThat(VERIFIER.verify(claimedAt(proof, 2, 7)).reason())
                .isEqualTo("inclusion path does not lead to root");
    }

    @Test
    void indexOutsideTheBatchIsRefused() {
        InclusionProof proof = proofOf(3, 7);
        assertThat(VERIFIER.verify(claimedAt(proof, 7, 7)).reason())
                .isEqualTo("index 7 out of range for a batch of size 7");
    }

    @Test
    void sizeThatChangesThePathIsRefused() {
        InclusionProof proof = proofOf(3, 7);
        assertThat(VERIFIER.verify(claimedAt(proof, 3, 14)).reason())
                .isEqualTo("inclusion path has the wrong length for index 3 in a batch of size 14");
    }

    /** RFC 9162 paths do not bind the size (leaf 0 of 8 has the same path in a tree of 7): the anchored size does. */
    @Test
    void sizeWithTheSamePathShapeIsCaughtByTheAnchoredSize() {
        InclusionProof claimed = claimedAt(proofOf(0, 8), 0, 7);
        ProofVerifier verifier = ProofVerifier.checkingAnchorsWith((anchor, root, size) ->
                size == 8 ? Optional.empty() : Optional.of("the root was anchored with size 8, not " + size));
        assertThat(VERIFIER.verify(claimed).valid()).isTrue();
        assertThat(verifier.verify(claimed).reason()).isEqualTo("anchor: the root was anchored with size 8, not 7");
    }

    @Test
    void alteredRootIsRefused() {
        InclusionProof proof = proofOf(3, 7);
        BatchPath batch = proof.batch();
        byte[] root = batch.root().clone();
        root[0] ^= 1;
        assertThat(VERIFIER.verify(withBatch(proof, new BatchPath(3, 7, batch.path(), root, batch.anchor()))).reason())
                .isEqualTo("inclusion path does not lead to root");
    }

    @Test
    void anchorCheckIsAskedAboutTheProofsAnchorRootAndSize() {
        InclusionProof proof = proofOf(3, 7);
        AtomicReference<String> asked = new AtomicReference<>();
        ProofVerifier verifier = ProofVerifier.checkingAnchorsWith((anchor, root, size) -> {
            asked.set(anchor.tx() + " " + HexFormat.of().formatHex(root) + " " + size);
            return Optional.empty();
        });
        Verification verification = verifier.verify(proof);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.anchorChecked()).isTrue();
        assertThat(asked.get()).isEqualTo(TestDocuments.ANCHOR.tx() + " " + HexFormat.of().formatHex(proof.batch().root()) + " 7");
    }

    @Test
    void anchorProblemMakesTheProofInvalid() {
        ProofVerifier verifier = ProofVerifier.checkingAnchorsWith((anchor, root, size) -> Optional.of("root not anchored in that transaction"));
        assertThat(verifier.verify(proofOf(3, 7)).reason()).isEqualTo("anchor: root not anchored in that transaction");
    }

    @Test
    void proofWithoutAnchorFailsWhenAnchorsAreChecked() {
        InclusionProof proof = proofOf(3, 7);
        BatchPath batch = proof.batch();
        ProofVerifier verifier = ProofVerifier.checkingAnchorsWith((anchor, root, size) -> Optional.empty());
        assertThat(verifier.verify(withBatch(proof, new BatchPath(3, 7, batch.path(), batch.root(), null))).reason())
                .isEqualTo("proof has no anchor to check");
    }

    @Test
    void anchorIsNotAskedWhenTheHashesAlreadyFail() {
        InclusionProof proof = proofOf(3, 7);
        ProofVerifier verifier = ProofVerifier.checkingAnchorsWith((anchor, root, size) -> {
            throw new AssertionError("the chain must not be asked about a proof whose hashes fail");
        });
        assertThat(verifier.verify(new InclusionProof("{}".getBytes(StandardCharsets.UTF_8), proof.leaf(), proof.batch())).valid()).isFalse();
    }
}
