package org.energyweb.batch;

import org.energyweb.proof.SaltSeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The gateway's secret from which every reading's field salts are derived ({@link SaltSeed}). It lives
 * in the data folder, readable by its owner only, because losing it means no field proof can be
 * made for readings already anchored, and leaking it makes undisclosed fields guessable.
 */
public final class FieldSaltSecret {

    public static final String FILE_NAME = "field-salt.secret";

    private FieldSaltSecret() {
    }

    /** The secret of {@code dataDir}, created (32 random bytes, mode 0600) on first use. */
    public static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            byte[] secret = new byte[SaltSeed.MIN_SECRET_LENGTH];
            new SecureRandom().nextBytes(secret);
            try {
                Files.createDirectories(dataDir);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, secret);
            } catch (FileAlreadyExistsException e) {
                // Another process created it first: theirs is the secret.
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the field-salt secret in " + dataDir, e);
            }
        }
        return load(dataDir);
    }

    /** The existing secret of {@code dataDir}. */
    public static byte[] load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < SaltSeed.MIN_SECRET_LENGTH) {
                throw new IllegalStateException(file + " is shorter than " + SaltSeed.MIN_SECRET_LENGTH + " bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the field-salt secret " + file + " (field proofs need it)", e);
        }
    }
}
