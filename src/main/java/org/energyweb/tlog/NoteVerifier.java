package org.energyweb.tlog;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.energyweb.reading.Sha256;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 public key of c2sp.org/signed-note, with its key name and key ID; written and read in
 * the verifier-key form of golang.org/x/mod/sumdb/note, "name+hex(key ID)+base64(0x01 || public key)".
 */
public record NoteVerifier(String name, int keyId, byte[] publicKey) {

    /** signed-note "Signature types": 0x01 is Ed25519. */
    static final byte ED25519 = 0x01;
    static final int PUBLIC_KEY_LENGTH = 32;

    public NoteVerifier {
        checkName(name);
        if (publicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        publicKey = publicKey.clone();
        if (keyId != keyId(name, publicKey)) {
            throw new IllegalArgumentException("key ID " + Integer.toHexString(keyId) + " is not the one of key " + name);
        }
    }

    public static NoteVerifier of(String name, byte[] publicKey) {
        return new NoteVerifier(name, keyId(name, publicKey), publicKey);
    }

    /** signed-note "Ed25519 signatures": key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]. */
    static int keyId(String name, byte[] publicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(nameBytes.length + 2 + publicKey.length)
                .put(nameBytes).put((byte) '\n').put(ED25519).put(publicKey).array();
        return ByteBuffer.wrap(Sha256.digest(input)).getInt();
    }

    /** signed-note "Format": key names are non-empty, with no Unicode spaces and no '+'. */
    public static void checkName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('+') >= 0 || name.codePoints().anyMatch(NoteVerifier::isSpace)) {
            throw new IllegalArgumentException("a signed-note key name must be non-empty, without spaces or '+': '" + name + "'");
        }
    }

    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** @throws IllegalArgumentException when {@code text} is not a verifier key of an Ed25519 signer */
    public static NoteVerifier parse(String text) {
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
        if (key.length != 1 + PUBLIC_KEY_LENGTH || key[0] != ED25519) {
            throw new IllegalArgumentException("verifier key " + parts[0] + " is not an Ed25519 key");
        }
        return new NoteVerifier(parts[0], (int) Long.parseLong(parts[1], 16), Arrays.copyOfRange(key, 1, key.length));
    }

    /** The verifier key text, e.g. "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW". */
    public String text() {
        byte[] key = ByteBuffer.allocate(1 + PUBLIC_KEY_LENGTH).put(ED25519).put(publicKey).array();
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }

    /** Whether {@code signature} is this key's Ed25519 signature (RFC 8032) of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifier v && v.name.equals(name) && v.keyId == keyId && Arrays.equals(v.publicKey, publicKey);
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
