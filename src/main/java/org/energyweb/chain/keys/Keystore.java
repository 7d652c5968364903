package org.energyweb.chain.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * An Ethereum V3 keystore file (scrypt): the only place a signing key lives. Messages name the
 * file and what went wrong, never the key, the password or the derived secret.
 */
public final class Keystore {

    /** How hard scrypt works to derive the file's encryption key from the password. */
    public enum Strength {
        /** geth's standard parameters (N=2^18, p=1): for keys that guard value. */
        STANDARD,
        /** geth's light parameters (N=2^12, p=6): for development and test keys. */
        LIGHT
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(Keystore.class);

    private Keystore() {
    }

    /**
     * Creates a new key and writes it, encrypted with {@code password}, to {@code file}
     * (owner-readable only where the file system allows). Refuses to overwrite an existing file.
     *
     * @return the new account's address
     */
    public static String create(Path file, char[] password, Strength strength) {
        try {
            return write(file, Keys.createEcKeyPair(), password, strength);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("cannot create a key: " + e.getMessage());
        }
    }

    /** Writes a given key (a development chain's well-known account, an imported key) to {@code file}. */
    public static String write(Path file, ECKeyPair key, char[] password, Strength strength) {
        if (password.length == 0) {
            throw new KeystoreException("refusing to encrypt keystore " + file + " with an empty password");
        }
        KeyWarnings.ofPassword(file, password).ifPresent(LOG::warn);
        WalletFile wallet;
        try {
            wallet = strength == Strength.STANDARD
                    ? Wallet.createStandard(new String(password), key)
                    : Wallet.createLight(new String(password), key);
        } catch (CipherException e) {
            throw new KeystoreException("cannot encrypt the key for " + file);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, JSON.writeValueAsBytes(wallet), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            restrictToOwner(file);
        } catch (FileAlreadyExistsException e) {
            throw new KeystoreException("keystore " + file + " already exists; a key is never overwritten");
        } catch (IOException e) {
            throw new KeystoreException("cannot write keystore " + file + ": " + e.getMessage());
        }
        return "0x" + wallet.getAddress();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own access control applies.
        }
    }

    /** The account address stored in the file, read without the password. */
    public static String address(Path file) {
        return "0x" + read(file).getAddress();
    }

    /**
     * Decrypts the key, warning (never printing a secret) when the file's key derivation is weak or the
     * password short ({@link KeyWarnings}).
     *
     * @throws KeystoreException when the file is missing or not a V3 keystore, or the password is wrong
     */
    public static Credentials unlock(Path file, char[] password) {
        WalletFile wallet = read(file);
        KeyWarnings.ofKeystore(file, wallet).forEach(LOG::warn);
        KeyWarnings.ofPassword(file, password).ifPresent(LOG::warn);
        try {
            return Credentials.create(Wallet.decrypt(new String(password), wallet));
        } catch (CipherException e) {
            if (e.getMessage() != null && e.getMessage().contains("Invalid password")) {
                throw new KeystoreException("wrong password for keystore " + file);
            }
            throw new KeystoreException("keystore " + file + " cannot be decrypted: it is not a supported V3 keystore");
        } catch (RuntimeException e) {
            throw new KeystoreException("keystore " + file + " is malformed");
        }
    }

    private static WalletFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeystoreException("keystore " + file + " does not exist");
        } catch (IOException e) {
            throw new KeystoreException("cannot read keystore " + file + ": " + e.getClass().getSimpleName());
        }
        WalletFile wallet;
        try {
            wallet = JSON.readValue(bytes, WalletFile.class);
        } catch (JsonProcessingException e) {
            throw new KeystoreException("keystore " + file + " is malformed: not a V3 keystore JSON");
        } catch (IOException e) {
            throw new KeystoreException("cannot read keystore " + file);
        }
        if (wallet == null || wallet.getVersion() != 3 || wallet.getCrypto() == null || wallet.getAddress() == null) {
            throw new KeystoreException("keystore " + file + " is malformed: not a V3 keystore");
        }
        return wallet;
    }

    /**
     * Unlocks {@code file} with the password of an endpoint's options: {@code passwordFile} first,
     * else {@code password}, else the environment variable {@code passwordEnv}. The password is
     * wiped from memory once used.
     */
    public static Credentials unlock(Path file, String passwordFile, String password, String passwordEnv) {
        char[] secret = KeyPassword.resolve(passwordFile, password, passwordEnv);
        try {
            return unlock(file, secret);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }
}
