package org.energyweb.proof;

/** A proof file that cannot be read as a proof at all; the message says which member is wrong. */
public class InvalidProofException extends IllegalArgumentException {

    public InvalidProofException(String message) {
        super(message);
    }
}
