package org.energyweb.chain.tx;

/**
 * A journal that several processes share for one signing account (the anchor service's workers, one
 * key in one database) refused to record a nonce because another process recorded it first. Nothing
 * was recorded; the pipeline moves on to {@link #next()} and allocates again.
 */
public final class NonceTakenException extends RuntimeException {

    private final long next;

    public NonceTakenException(String account, long nonce, long next) {
        super("nonce " + nonce + " of " + account + " was taken by another process; the next free one is " + next);
        this.next = next;
    }

    /** The account's next nonce that nobody recorded yet. */
    public long next() {
        return next;
    }
}
