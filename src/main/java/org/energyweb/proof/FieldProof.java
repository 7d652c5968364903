package org.energyweb.proof;

import java.util.List;
import java.util.Objects;

/**
 * One field of a reading proven to be in an anchored batch without revealing the other fields: the
 * field with its salt, its path in the document's field tree, the field root, and the field root's
 * path in a {@link LeafKind#FIELD_ROOT} batch.
 *
 * @param schema the document's field names in sorted order; their hash is bound into the field root
 */
public record FieldProof(DisclosedField field, List<String> schema, List<byte[]> fieldPath, byte[] fieldRoot,
                         BatchPath batch) implements Proof {

    public FieldProof {
        Objects.requireNonNull(field, "field");
        schema = List.copyOf(schema);
        fieldPath = List.copyOf(fieldPath);
        Objects.requireNonNull(fieldRoot, "fieldRoot");
        Objects.requireNonNull(batch, "batch");
    }

    /** Proves field {@code name} of the document committed in {@code commitments}, whose field root is leaf {@code index} of {@code batch}. */
    public static FieldProof of(FieldCommitments commitments, String name, MerkleTree batch, int index, Anchor anchor) {
        return of(commitments, name, BatchPath.of(batch, index, anchor));
    }

    /**
     * Proves field {@code name} of the document committed in {@code commitments}, whose field root's
     * leaf {@code batch} leads from.
     *
     * @throws IllegalArgumentException when the path does not lead from this document's field root to the root
     */
    public static FieldProof of(FieldCommitments commitments, String name, BatchPath batch) {
        byte[] fieldRoot = commitments.fieldRoot();
        if (!batch.leadsFrom(fieldRoot)) {
            throw new IllegalArgumentException("leaf " + batch.index() + " of the batch is not this document's field root");
        }
        return new FieldProof(commitments.disclose(name), commitments.schema(), commitments.fieldPath(name), fieldRoot, batch);
    }
}
