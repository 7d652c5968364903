package org.energyweb.ledger;

/**
 * A Merkle batch as the ledger records it: the consecutive positions it covers, its root, and how far
 * its anchoring got.
 *
 * @param leafKind    the manifest name of the leaf inputs (document-sha256 or field-root)
 * @param state       the anchoring step last completed, named by the anchorer
 * @param manifestCid null until the manifest is stored
 * @param detail      JSON the anchorer records with the state (the anchor transaction once mined); may be null
 */
public record BatchRecord(long id, long firstPosition, long lastPosition, long size, String leafKind, byte[] root,
                          String state, String manifestCid, String detail) {
}
