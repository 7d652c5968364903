package org.energyweb.tlog;

import org.energyweb.reading.Sha256;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The verifier-key text form golang.org/x/mod/sumdb/note gives signed-note keys,
 * {@code name+hex(key ID)+base64(type || public key)}, shared by the note signatures (type 0x01, Ed25519)
 * and the witnesses' cosignatures (type 0x04, c2sp.org/tlog-cosignature): only the type byte differs.
 */
public final class VerifierKeys {

    static final int PUBLIC_KEY_LENGTH = 32;

    /** A verifier key read from its text, of the type asked for. */
    public record Parsed(String name, int keyId, byte[] publicKey) {
    }

    private VerifierKeys() {
    }

    /** signed-note "Ed25519 signatures", tlog-cosignature "Format": SHA-256(name || 0x0A || type || 32-byte public key)[:4]. */
    public static int keyId(String name, byte type, byte[] publicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(nameBytes.length + 2 + publicKey.length)
                .put(nameBytes).put((byte) '\n').put(type).put(publicKey).array();
        return ByteBuffer.wrap(Sha256.digest(input)).getInt();
    }

    /**
     * Checks a key's parts and gives a copy of its public key (records keep their own).
     *
     * @throws IllegalArgumentException when the name, the key's length or the key ID is wrong
     */
    public static byte[] checked(String name, int keyId, byte type, byte[] publicKey) {
        NoteVerifier.checkName(name);
        if (publicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        if (keyId != keyId(name, type, publicKey)) {
            throw new IllegalArgumentException("key ID " + Integer.toHexString(keyId) + " is not the one of key " + name
                    + " (signature type 0x0" + type + ")");
        }
        return publicKey.clone();
    }

    /**
     * @param kind what the key is, for the message, e.g. "an Ed25519 key"
     * @throws IllegalArgumentException when {@code text} is not a verifier key of {@code type}
     */
    public static Parsed parse(String text, byte type, String kind) {
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
        if (key.length != 1 + PUBLIC_KEY_LENGTH || key[0] != type) {
            throw new IllegalArgumentException("verifier key " + parts[0] + " is not " + kind);
        }
        return new Parsed(parts[0], (int) Long.parseLong(parts[1], 16), Arrays.copyOfRange(key, 1, key.length));
    }

    public static String text(String name, int keyId, byte type, byte[] publicKey) {
        byte[] key = ByteBuffer.allocate(1 + PUBLIC_KEY_LENGTH).put(type).put(publicKey).array();
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }
}
