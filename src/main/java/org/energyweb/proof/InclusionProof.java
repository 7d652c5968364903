package org.energyweb.proof;

import org.energyweb.reading.Sha256;

import java.util.Objects;

/**
 * A whole reading document and the path from its leaf to the batch root, in a batch whose leaf
 * inputs are document SHA-256 digests ({@link LeafKind#DOCUMENT_SHA256}).
 *
 * @param document the document bytes exactly as stored
 * @param leaf     the SHA-256 of the document, the batch tree's leaf input
 */
public record InclusionProof(byte[] document, byte[] leaf, BatchPath batch) implements Proof {

    public InclusionProof {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(batch, "batch");
    }

    /** Proves the document at {@code index} of {@code batch}. */
    public static InclusionProof of(byte[] document, MerkleTree batch, int index, Anchor anchor) {
        return of(document, BatchPath.of(batch, index, anchor));
    }

    /**
     * Proves the document whose leaf {@code batch} leads from.
     *
     * @throws IllegalArgumentException when the path does not lead from this document's leaf to the
     *                                  root, so that a prover never hands out a proof that cannot verify
     */
    public static InclusionProof of(byte[] document, BatchPath batch) {
        byte[] leaf = Sha256.digest(document);
        if (!batch.leadsFrom(leaf)) {
            throw new IllegalArgumentException("leaf " + batch.index() + " of the batch is not document " + Sha256.hex(leaf));
        }
        return new InclusionProof(document, leaf, batch);
    }
}
