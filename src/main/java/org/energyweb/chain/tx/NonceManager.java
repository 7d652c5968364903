package org.energyweb.chain.tx;

/**
 * Hands out the nonces of one signing account without asking the node each time. It starts at
 * the higher of the node's {@code pending} count and one past the highest nonce the ledger ever
 * allocated, so a restart neither reuses a nonce (the ledger remembers) nor waits on one another
 * client used (the node knows).
 */
public final class NonceManager {

    private final String account;
    private long next;

    private NonceManager(String account, long next) {
        this.account = account;
        this.next = next;
    }

    /** @param pendingCount the node's {@code eth_getTransactionCount(address, "pending")} */
    public static NonceManager seed(NonceRecords store, long chainId, String address, long pendingCount) {
        String account = account(chainId, address);
        long stored = store.next(account).orElse(0);
        return new NonceManager(account, Math.max(stored, pendingCount));
    }

    /** The key nonces are stored under: one sequence per chain and address. */
    public static String account(long chainId, String address) {
        return chainId + ":" + address.toLowerCase();
    }

    /** The key nonces of this account are stored under. */
    public String account() {
        return account;
    }

    /** The next nonce, used by nobody else in this process. Record it with its owner before sending. */
    public synchronized long take() {
        return next++;
    }

    /** Moves past nonces the chain shows used by other transactions of the same account. */
    public synchronized void skipTo(long minimum) {
        next = Math.max(next, minimum);
    }

    /**
     * Hands {@code nonce} out again: it was just taken, and the journal refused to record it, so no
     * transaction can use it. Skipping it would leave a gap that holds up every later transaction.
     */
    public synchronized void giveBack(long nonce) {
        if (next == nonce + 1) {
            next = nonce;
        }
    }

    public synchronized long peek() {
        return next;
    }
}
