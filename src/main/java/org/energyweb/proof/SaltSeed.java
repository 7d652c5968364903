package org.energyweb.proof;

import java.nio.charset.StandardCharsets;

/**
 * Per-reading salt seeds derived from one gateway secret, so that a prover can regenerate any
 * reading's salts from the secret and the document alone instead of storing a seed per reading.
 */
public final class SaltSeed {

    /** The minimum length of the gateway secret: less would make the salts guessable. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final byte[] LABEL = "energyweb/field-salt-seed/v1".getBytes(StandardCharsets.US_ASCII);

    private SaltSeed() {
    }

    /** seed = HMAC-SHA256(secret, "energyweb/field-salt-seed/v1" || 0x00 || SHA-256 of the document). */
    public static byte[] derive(byte[] gatewaySecret, byte[] documentSha256) {
        if (gatewaySecret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the gateway's salt secret needs at least " + MIN_SECRET_LENGTH + " bytes");
        }
        if (documentSha256.length != MerkleHash.LENGTH) {
            throw new IllegalArgumentException("a document SHA-256 has 32 bytes, not " + documentSha256.length);
        }
        byte[] message = new byte[LABEL.length + 1 + documentSha256.length];
        System.arraycopy(LABEL, 0, message, 0, LABEL.length);
        System.arraycopy(documentSha256, 0, message, LABEL.length + 1, documentSha256.length);
        return FieldScheme.hmacSha256(gatewaySecret, message);
    }
}
