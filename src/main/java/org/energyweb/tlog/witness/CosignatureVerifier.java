package org.energyweb.tlog.witness;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.energyweb.reading.Sha256;
import org.energyweb.tlog.NoteVerifier;
import org.energyweb.tlog.SignedNote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * A witness's Ed25519 public key as c2sp.org/tlog-cosignature defines it: the key ID is computed with
 * signature type 0x04 ("Format"), not the 0x01 of plain signed-note Ed25519 keys, and the key is written
 * as a signed-note vkey {@code name+hex(key ID)+base64(0x04 || public key)}.
 */
public record CosignatureVerifier(String name, int keyId, byte[] publicKey) {

    /** tlog-cosignature "Format": the vkey signature type of Ed25519 cosignatures (cosignature/v1). */
    static final byte COSIGNATURE_V1 = 0x04;
    private static final int PUBLIC_KEY_LENGTH = 32;
    /** "Format": a timestamped_signature is a big-endian u64 timestamp, then the 64-byte Ed25519 signature. */
    private static final int TIMESTAMPED_SIGNATURE_LENGTH = 8 + 64;

    public CosignatureVerifier {
        NoteVerifier.checkName(name);
        if (publicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        publicKey = publicKey.clone();
        if (keyId != keyId(name, publicKey)) {
            throw new IllegalArgumentException("key ID " + Integer.toHexString(keyId) + " is not the cosignature key ID of " + name);
        }
    }

    public static CosignatureVerifier of(String name, byte[] publicKey) {
        return new CosignatureVerifier(name, keyId(name, publicKey), publicKey);
    }

    /** "Format": SHA-256(name || "\n" || 0x04 || 32-byte Ed25519 cosigner public key)[:4]. */
    static int keyId(String name, byte[] publicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(nameBytes.length + 2 + publicKey.length)
                .put(nameBytes).put((byte) '\n').put(COSIGNATURE_V1).put(publicKey).array();
        return ByteBuffer.wrap(Sha256.digest(input)).getInt();
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
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new IllegalArgumentException("not a signed-note verifier key (name+hash+key)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key of verifier key " + parts[0] + " is not base64");
        }
        if (key.length != 1 + PUBLIC_KEY_LENGTH || key[0] != COSIGNATURE_V1) {
            throw new IllegalArgumentException("verifier key " + parts[0] + " is not an Ed25519 cosignature (0x04) key");
        }
        return new CosignatureVerifier(parts[0], (int) Long.parseLong(parts[1], 16), Arrays.copyOfRange(key, 1, key.length));
    }

    public String text() {
        byte[] key = ByteBuffer.allocate(1 + PUBLIC_KEY_LENGTH).put(COSIGNATURE_V1).put(publicKey).array();
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+" + Base64.getEncoder().encodeToString(key);
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
