package org.energyweb.tlog.witness;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.energyweb.tlog.SignedNote;

import java.nio.ByteBuffer;

/**
 * A witness's Ed25519 signing key: makes c2sp.org/tlog-cosignature cosignature/v1 note signatures on
 * checkpoints. It holds the 32-byte RFC 8032 seed; {@link #toString()} never shows it.
 */
public final class Cosigner {

    private final byte[] seed;
    private final CosignatureVerifier verifier;

    public Cosigner(String name, byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        this.seed = seed.clone();
        this.verifier = CosignatureVerifier.of(name, new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
    }

    public CosignatureVerifier verifier() {
        return verifier;
    }

    /**
     * The cosignature line on the checkpoint note text {@code checkpointText} at POSIX time {@code time}:
     * key ID, then the "Format" timestamped_signature (big-endian u64 timestamp, Ed25519 signature of the
     * "Ed25519 signed message").
     */
    public SignedNote.Signature cosign(String checkpointText, long time) {
        if (time < 0) {
            throw new IllegalArgumentException("a cosignature's timestamp is at most 2^63 - 1 and not negative");
        }
        byte[] message = CosignatureVerifier.signedMessage(time, checkpointText);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        byte[] bytes = ByteBuffer.allocate(4 + 8 + 64).putInt(verifier.keyId()).putLong(time).put(signer.generateSignature()).array();
        return new SignedNote.Signature(verifier.name(), bytes);
    }

    @Override
    public String toString() {
        return "Cosigner[" + verifier.text() + "]";
    }
}
