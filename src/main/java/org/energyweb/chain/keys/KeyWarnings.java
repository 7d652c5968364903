package org.energyweb.chain.keys;

import org.web3j.crypto.WalletFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What makes a key easier to steal than the operator may think: a keystore whose key derivation
 * is cheap to brute-force, a very short password, a password file other users can read. Each is
 * said as a warning that names the file and the weakness, never the password or any part of it.
 * They stay warnings, not refusals: development keys are made light on purpose, and an operator
 * may have reasons we cannot see; the gateway keeps signing.
 */
public final class KeyWarnings {

    /**
     * geth's standard scrypt cost (N=2^18, p=1), also its PBKDF2 iteration count. The work an attacker
     * spends per guessed password grows with N x p; below this it is cheap (geth's light keys are
     * N=2^12, p=6: ten times cheaper).
     */
    static final long STANDARD_WORK = 1L << 18;

    /** A password shorter than this falls to a brute force whatever the key derivation costs. */
    static final int MIN_PASSWORD_LENGTH = 8;

    private KeyWarnings() {
    }

    /** The weaknesses of a keystore's key derivation, read from its {@code kdfparams}. */
    static List<String> ofKeystore(Path file, WalletFile wallet) {
        List<String> warnings = new ArrayList<>();
        Object params = wallet.getCrypto().getKdfparams();
        if (params instanceof WalletFile.ScryptKdfParams scrypt && (long) scrypt.getN() * scrypt.getP() < STANDARD_WORK) {
            warnings.add("keystore " + file + " uses weak scrypt parameters (N=" + scrypt.getN() + ", r=" + scrypt.getR()
                    + ", p=" + scrypt.getP() + "; geth's standard is N=262144, p=1): fine for a development key, but a stolen"
                    + " copy can be brute-forced quickly; for a key that guards value create one with `keys new` (standard strength)");
        } else if (params instanceof WalletFile.Aes128CtrKdfParams pbkdf2 && pbkdf2.getC() < STANDARD_WORK) {
            warnings.add("keystore " + file + " uses weak PBKDF2 parameters (c=" + pbkdf2.getC()
                    + "; geth's standard is c=262144): a stolen copy can be brute-forced quickly");
        }
        return warnings;
    }

    /** Warns about a password too short to resist guessing; says nothing of the password but that. */
    static Optional<String> ofPassword(Path file, char[] password) {
        return password.length < MIN_PASSWORD_LENGTH
                ? Optional.of("keystore " + file + " is protected by a password of fewer than " + MIN_PASSWORD_LENGTH
                        + " characters: a stolen copy can be brute-forced; use a longer one")
                : Optional.empty();
    }

    /** Warns when users other than the owner (and the owner's group) may read a password file. */
    static Optional<String> ofPasswordFile(Path file) {
        try {
            if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("password file " + file + " is readable by every user of this machine;"
                        + " restrict it to its owner (chmod 600)");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or no attributes to read: its own access control applies.
        }
        return Optional.empty();
    }
}
