package org.energyweb.chain.keys;

/** A keystore could not be used. The message is safe to show and log: it never holds key material. */
public class KeystoreException extends RuntimeException {

    public KeystoreException(String message) {
        // No cause is kept: a library's exception could carry secrets in its message or fields.
        super(message);
    }
}
