package org.energyweb.reading;

/** Bytes that are not a reading document in canonical form; the message says why. */
public class InvalidDocumentException extends IllegalArgumentException {
    public InvalidDocumentException(String reason) {
        super(reason);
    }
}
