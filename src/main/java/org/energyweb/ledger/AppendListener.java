package org.energyweb.ledger;

import java.util.List;

/**
 * Hears of the readings of every committed transaction: the one way to follow appends, for a
 * follower such as the transparency log and for metrics alike. See {@link Ledger#onCommittedAppends}.
 */
@FunctionalInterface
public interface AppendListener {

    /**
     * Called on the ledger's writer thread right after a transaction committed and before its
     * appends complete, in position order; it must be quick and must not throw.
     */
    void committed(List<CommittedAppend> appends);
}
