package org.energyweb.proof;

import org.energyweb.reading.Sha256;

import java.util.Arrays;

/**
 * What a batch's leaf inputs are, named in the batch manifest as {@code leafKind}. A batch is one kind
 * or the other: whole-document proofs ({@link InclusionProof}) need document digests as leaves, field
 * proofs ({@link FieldProof}) need field roots, because a document's plain SHA-256 would let anyone
 * who holds it test guesses of undisclosed fields.
 */
public enum LeafKind {

    /** Leaf input = SHA-256 of the document: the on-chain file hash and CID digest, issue 7's default. */
    DOCUMENT_SHA256("document-sha256"),
    /** Leaf input = the document's field root (docs/field-proofs.md). */
    FIELD_ROOT("field-root");

    private final String manifestName;

    LeafKind(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }

    public static LeafKind fromManifestName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.manifestName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown leafKind '" + name + "'; expected document-sha256 or field-root"));
    }

    /**
     * The batch leaf input for a document.
     *
     * @param saltSeed the reading's salt seed; only {@link #FIELD_ROOT} uses it
     */
    public byte[] leafInput(byte[] document, byte[] saltSeed) {
        return this == DOCUMENT_SHA256 ? Sha256.digest(document) : FieldCommitments.of(document, saltSeed).fieldRoot();
    }
}
