package org.energyweb.tlog;

import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.keys.KeystoreException;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The gateway's Ed25519 log key, kept encrypted at rest exactly as the chain key is: an Ethereum V3
 * keystore file (scrypt, AES-128-CTR, MAC) whose 32-byte secret is the RFC 8032 seed. Reusing the
 * keystore means one audited encryption, one password source (file or environment) and the same
 * "never in a log or message" handling; the file's secp256k1 address is meaningless for this key.
 *
 * <p>Beside the keystore ({@code log-key.json}) lies its public verifier key ({@code log-key.vkey},
 * signed-note {@code name+hash+key}): its name is the log's origin, so whoever holds the data folder
 * can name and check the log without the password.
 */
public final class LogKeys {

    /** Where the log key's password is read when no password file is given (never the chain key's variable). */
    public static final String ENVIRONMENT_VARIABLE = "ENERGYWEB_LOG_KEY_PASSWORD";
    /** The log key's keystore in a data folder, beside (never inside) the published {@code log/} folder. */
    public static final String KEYSTORE_FILE = "log-key.json";
    private static final String VERIFIER_SUFFIX = ".vkey";

    private LogKeys() {
    }

    /** The default log keystore of {@code dataDir}. */
    public static Path keystoreIn(Path dataDir) {
        return dataDir.resolve(KEYSTORE_FILE);
    }

    /** The verifier key file beside {@code keystore}: {@code log-key.json} has {@code log-key.vkey}. */
    public static Path verifierFileOf(Path keystore) {
        String name = keystore.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return keystore.resolveSibling(stem + VERIFIER_SUFFIX);
    }

    /**
     * Creates a new log key in {@code file} (never overwriting one) for the log named {@code name}, writes
     * its verifier key beside it and returns that.
     */
    public static NoteVerifier create(Path file, char[] password, String name, Keystore.Strength strength) {
        return NoteVerifier.parse(createKey(file, password, strength, seed -> new NoteSigner(name, seed).verifier().text()));
    }

    /**
     * Creates a new random Ed25519 seed encrypted in {@code file} (never overwriting one) and writes beside it
     * the verifier key {@code verifierKey} makes of the seed (a log's signed-note key, a witness's cosignature
     * key); returns that key's text.
     */
    public static String createKey(Path file, char[] password, Keystore.Strength strength, Function<byte[], String> verifierKey) {
        byte[] seed = new byte[32];
        SecureRandom random = new SecureRandom();
        do {
            random.nextBytes(seed);
        } while (seed[0] == 0);
        try {
            String verifier = verifierKey.apply(seed);
            Keystore.write(file, ECKeyPair.create(new BigInteger(1, seed)), password, strength);
            Files.writeString(verifierFileOf(file), verifier + "\n", StandardCharsets.UTF_8);
            return verifier;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the verifier key beside " + file, e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * The text of the verifier key written beside {@code keystore}.
     *
     * @param kind    what the key is, for messages ("log key")
     * @param command the command that creates one, for messages
     * @throws KeystoreException when there is none or it cannot be read
     */
    public static String verifierText(Path keystore, String kind, String command) {
        Path file = verifierFileOf(keystore);
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new KeystoreException("no " + kind + ": " + file + " does not exist (create one with `" + command + "`)");
        } catch (IOException e) {
            throw new KeystoreException("cannot read the " + kind + "'s verifier key " + file + ": " + e.getMessage());
        }
    }

    /**
     * The 32-byte Ed25519 seed decrypted from {@code file}; the caller clears it after use.
     *
     * @throws KeystoreException when the file is missing or malformed or the password is wrong
     */
    public static byte[] unlockSeed(Path file, char[] password) {
        return Numeric.toBytesPadded(Keystore.unlock(file, password).getEcKeyPair().getPrivateKey(), 32);
    }

    /**
     * The verifier key written beside {@code keystore}.
     *
     * @throws KeystoreException when there is none or it is malformed
     */
    public static NoteVerifier verifier(Path keystore) {
        String text = verifierText(keystore, "log key", "energyweb log key new");
        try {
            return NoteVerifier.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KeystoreException("cannot read the log's verifier key " + verifierFileOf(keystore) + ": " + e.getMessage());
        }
    }

    /**
     * Decrypts the log key in {@code file} as the signer its verifier key names (the log's origin).
     *
     * @throws KeystoreException when the file is missing or malformed, the password is wrong, or the key
     *                           is not the one its verifier key describes
     */
    public static NoteSigner unlock(Path file, char[] password) {
        NoteVerifier expected = verifier(file);
        byte[] seed = unlockSeed(file, password);
        try {
            NoteSigner signer = new NoteSigner(expected.name(), seed);
            if (!signer.verifier().equals(expected)) {
                throw new KeystoreException("the log key " + file + " is not the key of " + verifierFileOf(file));
            }
            return signer;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
