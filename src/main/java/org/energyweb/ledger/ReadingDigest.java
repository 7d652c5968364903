package org.energyweb.ledger;

/**
 * What a batch needs of a reading when its leaf is the document's SHA-256: the stored digest and the
 * reading's identity, read without parsing the document.
 *
 * @param appendedAtMillis when the reading was committed to the ledger
 */
public record ReadingDigest(long position, String meter, long seq, byte[] sha256, long appendedAtMillis) {
}
