package org.energyweb.fleet.store;

/** The way of a service batch (table {@code fleet_batch}, column {@code state}) from its forming to the gateways. */
public final class BatchState {

    /** Its readings and root are fixed. */
    public static final String FORMED = "formed";
    /**
     * A nonce is allocated and the transaction recorded ({@code tx_state}, {@code tx_detail}: the transaction
     * pipeline's record, from which it is signed again to the same bytes) before it is broadcast; it stays so
     * until it is confirmed, replacements with higher fees included.
     */
    public static final String SIGNED = "signed";
    /** Its transaction is mined, confirmed and succeeded: block and transaction recorded. */
    public static final String ANCHORED = "anchored";
    /** Its readings' anchoring was published to the results topic for the gateways. */
    public static final String PUBLISHED = "published";
    /** Never to be anchored (the call reverts, or the gas cap is exceeded); the reason is recorded. */
    public static final String DEAD = "dead";

    private BatchState() {
    }
}
