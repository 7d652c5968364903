package org.energyweb.chain.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a keystore password comes from: a file (its first line) or an environment variable,
 * never a plain value in configuration.
 */
public final class KeyPassword {

    /** The environment variable read when no password file is given. */
    public static final String ENVIRONMENT_VARIABLE = "ENERGYWEB_KEY_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(KeyPassword.class);

    private KeyPassword() {
    }

    /**
     * The password from {@code passwordFile} when given, else from {@code variable} in {@code environment}.
     *
     * @throws KeystoreException when neither is there
     */
    public static char[] resolve(Path passwordFile, String variable, Map<String, String> environment) {
        if (passwordFile != null) {
            return fromFile(passwordFile);
        }
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new KeystoreException("no keystore password: set " + variable + " or give a password file");
        }
        return value.toCharArray();
    }

    /**
     * The password of an endpoint's options: {@code passwordFile} first, else {@code password}, else the
     * environment variable {@code passwordEnv}. The caller wipes it once used.
     *
     * @throws KeystoreException when none of them gives one
     */
    public static char[] resolve(String passwordFile, String password, String passwordEnv) {
        return passwordFile != null
                ? fromFile(Path.of(passwordFile))
                : password != null
                ? password.toCharArray()
                : resolve(null, passwordEnv, System.getenv());
    }

    /** The first line of {@code file}; warns when other users can read the file. */
    public static char[] fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new KeystoreException("password file " + file + " is empty");
            }
            KeyWarnings.ofPasswordFile(file).ifPresent(LOG::warn);
            return line.toCharArray();
        } catch (NoSuchFileException e) {
            throw new KeystoreException("password file " + file + " does not exist");
        } catch (IOException e) {
            throw new KeystoreException("cannot read password file " + file);
        }
    }
}
