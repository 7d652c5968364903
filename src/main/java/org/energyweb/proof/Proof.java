package org.energyweb.proof;

/** A proof that something is in an anchored batch: a whole document, or one field of a document. */
public sealed interface Proof permits InclusionProof, FieldProof {

    /** The proof format version these classes read and write. */
    int VERSION = 1;

    BatchPath batch();
}
