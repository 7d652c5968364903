package org.energyweb.ledger;

/** The ledger cannot be opened, written or read; the message says what and where, never a secret. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
