package org.energyweb.tlog.witness;

import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.keys.KeystoreException;
import org.energyweb.tlog.LogKeys;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A witness's Ed25519 key, kept at rest as the log key is ({@link LogKeys}: a V3 keystore holding the seed)
 * with its cosignature verifier key ({@code name+hash+base64(0x04 || key)}, c2sp.org/tlog-cosignature)
 * beside it in {@code <name>.vkey}, to hand to the logs and their clients.
 */
public final class WitnessKeys {

    /** Where the witness key's password is read when no password file is given. */
    public static final String ENVIRONMENT_VARIABLE = "ENERGYWEB_WITNESS_KEY_PASSWORD";
    private static final String KIND = "witness key";
    private static final String CREATE = "energyweb witness key new";

    private WitnessKeys() {
    }

    /** Creates a new witness key named {@code name} in {@code file} (never overwriting one); returns its verifier key. */
    public static CosignatureVerifier create(Path file, char[] password, String name, Keystore.Strength strength) {
        return CosignatureVerifier.parse(LogKeys.createKey(file, password, strength, seed -> new Cosigner(name, seed).verifier().text()));
    }

    /** @throws KeystoreException when there is no verifier key beside {@code keystore} or it is not a cosignature key */
    public static CosignatureVerifier verifier(Path keystore) {
        String text = LogKeys.verifierText(keystore, KIND, CREATE);
        try {
            return CosignatureVerifier.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KeystoreException("cannot read the witness's verifier key " + LogKeys.verifierFileOf(keystore) + ": " + e.getMessage());
        }
    }

    /**
     * Decrypts the witness key in {@code file} as the cosigner its verifier key names.
     *
     * @throws KeystoreException when the password is wrong or the key is not the one its verifier key describes
     */
    public static Cosigner unlock(Path file, char[] password) {
        CosignatureVerifier expected = verifier(file);
        byte[] seed = LogKeys.unlockSeed(file, password);
        try {
            Cosigner cosigner = new Cosigner(expected.name(), seed);
            if (!cosigner.verifier().equals(expected)) {
                throw new KeystoreException("the witness key " + file + " is not the key of " + LogKeys.verifierFileOf(file));
            }
            return cosigner;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
