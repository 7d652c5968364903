package org.energyweb.chain.keys.camel;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.camel.KameletOptions;
import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.tlog.LogKeys;

/**
 * Where an endpoint finds the password of its keystore: a file, a placeholder resolved from a secret,
 * or an environment variable. The option group of every endpoint that unlocks a key (origin:,
 * merkle-anchor:, tlog:); each gives the environment variable of its key.
 */
@UriParams
public class KeyPasswordOptions {

    @UriParam(label = "security", description = "File whose first line is the keystore password (takes precedence over password and passwordEnv)")
    private String passwordFile;
    @UriParam(label = "security", secret = true, description = "The keystore password; give it as a placeholder resolved from a"
            + " secret (for example {{env:NAME}}), never as plain text")
    private String password;
    @UriParam(label = "security", description = "Environment variable holding the keystore password when neither passwordFile nor"
            + " password is set; by default " + KeyPassword.ENVIRONMENT_VARIABLE + " for origin: and merkle-anchor: (the account key)"
            + " and " + LogKeys.ENVIRONMENT_VARIABLE + " for tlog: (the log key)")
    private String passwordEnv;

    /** @param defaultEnvironmentVariable the variable of the endpoint's key, used until the passwordEnv option is set */
    public KeyPasswordOptions(String defaultEnvironmentVariable) {
        this.passwordEnv = defaultEnvironmentVariable;
    }

    /**
     * The password: passwordFile first, else password, else the environment variable passwordEnv. The
     * caller wipes it once used.
     */
    public char[] resolve() {
        return KeyPassword.resolve(passwordFile, password, passwordEnv);
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = KameletOptions.blankAsNone(passwordFile);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = KameletOptions.blankAsNone(password);
    }

    public String getPasswordEnv() {
        return passwordEnv;
    }

    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = passwordEnv;
    }
}
