package org.energyweb.tlog;

import org.energyweb.chain.keys.Keystore;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The gateway's Ed25519 log key, kept encrypted at rest exactly as the chain key is: an Ethereum V3
 * keystore file (scrypt, AES-128-CTR, MAC) whose 32-byte secret is the RFC 8032 seed. Reusing the
 * keystore means one audited encryption, one password source (file or environment) and the same
 * "never in a log or message" handling; the file's secp256k1 address is meaningless for this key.
 */
public final class LogKeys {

    private LogKeys() {
    }

    /** Creates a new log key in {@code file} (never overwriting one) and returns its verifier key under {@code name}. */
    public static NoteVerifier create(Path file, char[] password, String name, Keystore.Strength strength) {
        byte[] seed = new byte[32];
        SecureRandom random = new SecureRandom();
        do {
            random.nextBytes(seed);
        } while (seed[0] == 0);
        try {
            NoteVerifier verifier = new NoteSigner(name, seed).verifier();
            Keystore.write(file, ECKeyPair.create(new BigInteger(1, seed)), password, strength);
            return verifier;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Decrypts the log key in {@code file} as the signer named {@code name} (the log's origin).
     *
     * @throws org.energyweb.chain.keys.KeystoreException when the file is missing or malformed or the password is wrong
     */
    public static NoteSigner unlock(Path file, char[] password, String name) {
        byte[] seed = Numeric.toBytesPadded(Keystore.unlock(file, password).getEcKeyPair().getPrivateKey(), 32);
        try {
            return new NoteSigner(name, seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
