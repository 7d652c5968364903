package org.energyweb.proof;

import java.util.Arrays;
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

    /**
     * Proves field {@code name} of the document committed in {@code commitments}, whose field root is
     * leaf {@code index} of {@code batch}.
     *
     * @throws IllegalArgumentException when that leaf is not this document's field root
     */
    public static FieldProof of(FieldCommitments commitments, String name, MerkleTree batch, int index, Anchor anchor) {
        byte[] fieldRoot = commitments.fieldRoot();
        if (!Arrays.equals(MerkleHash.leaf(fieldRoot), batch.leafHash(index))) {
            throw new IllegalArgumentException("leaf " + index + " of the batch is not this document's field root");
        }
        return new FieldProof(commitments.disclose(name), commitments.schema(), commitments.fieldPath(name), fieldRoot,
                BatchPath.of(batch, index, anchor));
    }
}
