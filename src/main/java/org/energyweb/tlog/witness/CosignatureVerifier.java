package org.energyweb.tlog.witness;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.VerifierKeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A witness's Ed25519 public key as c2sp.org/tlog-cosignature defines it: the key ID is computed with
 * signature type 0x04 ("Format"), not the 0x01 of plain signed-note Ed25519 keys, and the key is written
 * as a signed-note vkey {@code name+hex(key ID)+base64(0x04 || public key)}.
 */
public record CosignatureVerifier(String name, int keyId, byte[] publicKey) {

    /** tlog-cosignature "Format": the vkey signature type of Ed25519 cosignatures (cosignature/v1). */
    static final byte COSIGNATURE_V1 = 0x04;
    /** "Format": a timestamped_signature is a big-endian u64 timestamp, then the 64-byte Ed25519 signature. */
    private static final int TIMESTAMPED_SIGNATURE_LENGTH = 8 + 64;

    public CosignatureVerifier {
        publicKey = VerifierKeys.checked(name, keyId, COSIGNATURE_V1, publicKey);
    }

    public static CosignatureVerifier of(String name, byte[] publicKey) {
        return new CosignatureVerifier(name, keyId(name, publicKey), publicKey);
    }

    /** "Format": SHA-256(name || "\n" || 0x04 || 32-byte Ed25519 cosigner public key)[:4]. */
    static int keyId(String name, byte[] publicKey) {
        return VerifierKeys.keyId(name, COSIGNATURE_V1, publicKey);
    }

    /**
     * "Ed25519 signed message": the header line {@code cosignature/v1}, the line {@code time <t>} (decimal,
     * no leading zeroes), then the whole checkpoint note text including its final newline.
     */
    static byte[] signedMessage(long time, String checkpointText) {
        return ("cosignature/v1\ntime " + time + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException when {@code text} is not a vkey of an Ed25519 cosigner */
    public static CosignatureVerifier parse(String text) {
        VerifierKeys.Parsed key = VerifierKeys.parse(text, COSIGNATURE_V1, "an Ed25519 cosignature (0x04) key");
        return new CosignatureVerifier(key.name(), key.keyId(), key.publicKey());
    }

    public String text() {
        return VerifierKeys.text(name, keyId, COSIGNATURE_V1, publicKey);
    }

    /** Whether {@code signature} is a line of this key: same name and key ID (others are ignored, "Format"). */
    public boolean names(SignedNote.Signature signature) {
        return signature.name().equals(name) && signature.keyId() == keyId;
    }

    /**
     * The cosignature's timestamp when {@code signature} is this key's valid cosignature/v1 of
     * {@code checkpointText}; empty when it is not this key's line or does not verify.
     */
    public OptionalLong verify(String checkpointText, SignedNote.Signature signature) {
        byte[] bytes = signature.bytes();
        if (!names(signature) || bytes.length != 4 + TIMESTAMPED_SIGNATURE_LENGTH) {
            return OptionalLong.empty();
        }
        long time = ByteBuffer.wrap(bytes, 4, 8).getLong();
        if (time < 0) {
            return OptionalLong.empty();
        }
        byte[] message = signedMessage(time, checkpointText);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(Arrays.copyOfRange(bytes, 12, bytes.length)) ? OptionalLong.of(time) : OptionalLong.empty();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CosignatureVerifier v && v.name.equals(name) && v.keyId == keyId && Arrays.equals(v.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId;
    }

    @Override
    public String toString() {
        return text();
    }
}
