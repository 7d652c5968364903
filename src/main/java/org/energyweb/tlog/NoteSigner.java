package org.energyweb.tlog;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 signing key of c2sp.org/signed-note: signs a note text as a signature line. It holds the
 * 32-byte RFC 8032 seed; {@link #toString()} never shows it.
 */
public final class NoteSigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final NoteVerifier verifier;

    public NoteSigner(String name, byte[] seed) {
        NoteVerifier.checkName(name);
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        this.name = name;
        this.seed = seed.clone();
        this.verifier = NoteVerifier.of(name, new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
    }

    /**
     * Reads the signer-key form of golang.org/x/mod/sumdb/note,
     * "PRIVATE+KEY+name+hex(key ID)+base64(0x01 || seed)", so that its published examples can be checked.
     */
    public static NoteSigner parse(String text) {
        if (!text.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new IllegalArgumentException("not a signed-note signer key");
        }
        String[] parts = text.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        byte[] key = parts.length == 3 ? Base64.getDecoder().decode(parts[2]) : new byte[0];
        if (key.length != 33 || key[0] != NoteVerifier.ED25519) {
            throw new IllegalArgumentException("not an Ed25519 signer key");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (!HexFormat.of().toHexDigits(signer.verifier.keyId()).equals(parts[1])) {
            throw new IllegalArgumentException("the key ID of signer key " + parts[0] + " does not match its key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** The note signature of {@code text}: the key ID (big-endian) followed by the Ed25519 signature of the text. */
    public byte[] sign(String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        return ByteBuffer.allocate(4 + 64).putInt(verifier.keyId()).put(signer.generateSignature()).array();
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.text() + "]";
    }
}
