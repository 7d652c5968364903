package org.energyweb.batch;

/** The reading exists but no proof can be made yet: it is not in a batch, or its batch is not confirmed. */
public class NotAnchoredException extends RuntimeException {
    public NotAnchoredException(String message) {
        super(message);
    }
}
