package org.energyweb.proof;

import org.energyweb.reading.Sha256;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks proofs: the disclosed content against its leaf, the leaf's path to the batch root, and, when
 * given an {@link AnchorCheck}, the root and size against the chain. Every refusal names the first
 * check that failed.
 */
public final class ProofVerifier {

    /** Null when anchors are not checked: the proof is then only as good as the root it carries. */
    private final AnchorCheck anchorCheck;

    private ProofVerifier(AnchorCheck anchorCheck) {
        this.anchorCheck = anchorCheck;
    }

    public static ProofVerifier hashesOnly() {
        return new ProofVerifier(null);
    }

    public static ProofVerifier checkingAnchorsWith(AnchorCheck anchorCheck) {
        return new ProofVerifier(Objects.requireNonNull(anchorCheck, "anchorCheck"));
    }

    public Verification verify(Proof proof) {
        if (proof instanceof InclusionProof document) {
            return verifyDocument(document);
        }
        return verifyField((FieldProof) proof);
    }

    private Verification verifyDocument(InclusionProof proof) {
        if (!Arrays.equals(Sha256.digest(proof.document()), proof.leaf())) {
            return Verification.invalid("document hash does not match leaf");
        }
        return verifyBatch(proof.leaf(), proof.batch());
    }

    private Verification verifyField(FieldProof proof) {
        DisclosedField field = proof.field();
        int fieldCount = proof.schema().size();
        if (!FieldScheme.isSchema(proof.schema())) {
            return Verification.invalid("schema is not a non-empty list of distinct field names in sorted order");
        }
        if (field.index() < 0 || field.index() >= fieldCount || !proof.schema().get(field.index()).equals(field.name())) {
            return Verification.invalid("field '" + field.name() + "' is not at position " + field.index() + " of the schema");
        }
        byte[] leafInput;
        try {
            leafInput = FieldScheme.leafInput(field.name(), field.value(), field.salt());
        } catch (IllegalArgumentException e) {
            return Verification.invalid("field cannot be committed to: " + e.getMessage());
        }
        Optional<byte[]> fieldTreeRoot = MerklePath.rootFrom(MerkleHash.leaf(leafInput), field.index(), fieldCount, proof.fieldPath());
        if (fieldTreeRoot.isEmpty()) {
            return Verification.invalid("field path has the wrong length for position " + field.index() + " of " + fieldCount + " fields");
        }
        if (!Arrays.equals(FieldScheme.fieldRoot(proof.schema(), fieldTreeRoot.get()), proof.fieldRoot())) {
            return Verification.invalid("field path does not lead to the field root");
        }
        return verifyBatch(proof.fieldRoot(), proof.batch());
    }

    private Verification verifyBatch(byte[] leafInput, BatchPath batch) {
        if (batch.index() < 0 || batch.index() >= batch.size()) {
            return Verification.invalid("index " + batch.index() + " out of range for a batch of size " + batch.size());
        }
        Optional<byte[]> root = MerklePath.rootFrom(MerkleHash.leaf(leafInput), batch.index(), batch.size(), batch.path());
        if (root.isEmpty()) {
            return Verification.invalid("inclusion path has the wrong length for index " + batch.index()
                    + " in a batch of size " + batch.size());
        }
        if (!Arrays.equals(root.get(), batch.root())) {
            return Verification.invalid("inclusion path does not lead to root");
        }
        if (anchorCheck == null) {
            return Verification.valid(false);
        }
        if (batch.anchor() == null) {
            return Verification.invalid("proof has no anchor to check");
        }
        return anchorCheck.problem(batch.anchor(), batch.root(), batch.size())
                .map(problem -> Verification.invalid("anchor: " + problem))
                .orElseGet(() -> Verification.valid(true));
    }
}
