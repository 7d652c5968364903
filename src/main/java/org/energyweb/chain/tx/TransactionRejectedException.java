package org.energyweb.chain.tx;

/**
 * What a pipeline was given to anchor will not be anchored: the contract reverted (reason given), the
 * call needs more gas than the cap, or it was refused before sending. Its journal records it
 * {@code dead} with the same reason.
 */
public class TransactionRejectedException extends RuntimeException {

    private final long key;
    private final String reason;

    /** @param subject the key in words, as its journal describes it ("reading @42", "batch 7") */
    public TransactionRejectedException(long key, String subject, String reason) {
        super(subject + " not anchored: " + reason);
        this.key = key;
        this.reason = reason;
    }

    /** The key it was submitted with. */
    public long key() {
        return key;
    }

    public String reason() {
        return reason;
    }
}
