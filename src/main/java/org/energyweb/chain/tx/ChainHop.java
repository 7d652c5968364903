package org.energyweb.chain.tx;

import org.energyweb.ledger.Hops;

import java.util.List;

/** The reading's outbox hop for its anchoring transaction, and the states it goes through. */
public final class ChainHop {

    public static final String HOP = "chain";

    /** A nonce is reserved for the reading; detail: nonce, call, gas and fees, enough to sign again. */
    public static final String NONCE_ALLOCATED = "nonce-allocated";
    /** Broadcast; detail adds every transaction hash signed for the nonce. */
    public static final String SENT = "sent";
    /** In a block; detail adds the block number and hash. */
    public static final String MINED = "mined";
    /** In a block with the configured number of confirmations. */
    public static final String CONFIRMED = "confirmed";
    /** Will not be anchored; detail: the reason (a revert reason, a gas cap). */
    public static final String DEAD = Hops.DEAD;

    /** States from which a restart carries on. */
    public static final List<String> IN_FLIGHT = List.of(NONCE_ALLOCATED, SENT, MINED);
    public static final List<String> FINAL = List.of(CONFIRMED, DEAD);

    private ChainHop() {
    }
}
