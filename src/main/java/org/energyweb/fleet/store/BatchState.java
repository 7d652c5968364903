package org.energyweb.fleet.store;

/** The way of a service batch (table {@code fleet_batch}, column {@code state}) from its forming to the gateways. */
public final class BatchState {

    /** Its readings and root are fixed. */
    public static final String FORMED = "formed";
    /** A nonce is taken and the transaction signed and stored, before it is broadcast: a restart sends the same bytes. */
    public static final String SIGNED = "signed";
    /** Its transaction is mined and succeeded: block and transaction recorded. */
    public static final String ANCHORED = "anchored";
    /** Its readings' anchoring was published to the results topic for the gateways. */
    public static final String PUBLISHED = "published";
    /** Never to be anchored (the call reverts, or the gas cap is exceeded); the reason is recorded. */
    public static final String DEAD = "dead";

    private BatchState() {
    }
}
