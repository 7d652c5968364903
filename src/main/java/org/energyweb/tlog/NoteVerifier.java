package org.energyweb.tlog;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.util.Arrays;

/**
 * An Ed25519 public key of c2sp.org/signed-note, with its key name and key ID; written and read in
 * the verifier-key form of golang.org/x/mod/sumdb/note, "name+hex(key ID)+base64(0x01 || public key)".
 */
public record NoteVerifier(String name, int keyId, byte[] publicKey) {

    /** signed-note "Signature types": 0x01 is Ed25519. */
    static final byte ED25519 = 0x01;

    public NoteVerifier {
        publicKey = VerifierKeys.checked(name, keyId, ED25519, publicKey);
    }

    public static NoteVerifier of(String name, byte[] publicKey) {
        return new NoteVerifier(name, keyId(name, publicKey), publicKey);
    }

    /** signed-note "Ed25519 signatures": key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]. */
    static int keyId(String name, byte[] publicKey) {
        return VerifierKeys.keyId(name, ED25519, publicKey);
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
        VerifierKeys.Parsed key = VerifierKeys.parse(text, ED25519, "an Ed25519 key");
        return new NoteVerifier(key.name(), key.keyId(), key.publicKey());
    }

    /** The verifier key text, e.g. "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW". */
    public String text() {
        return VerifierKeys.text(name, keyId, ED25519, publicKey);
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
