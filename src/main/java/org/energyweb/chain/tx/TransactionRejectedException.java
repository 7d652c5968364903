package org.energyweb.chain.tx;

/**
 * A reading's transaction will not be anchored: the contract reverted (reason given) or the
 * call needs more gas than the cap. The reading's chain hop is {@code dead} with the same reason.
 */
public class TransactionRejectedException extends RuntimeException {

    private final long position;
    private final String reason;

    public TransactionRejectedException(long position, String reason) {
        super("reading @" + position + " not anchored: " + reason);
        this.position = position;
        this.reason = reason;
    }

    public long position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
