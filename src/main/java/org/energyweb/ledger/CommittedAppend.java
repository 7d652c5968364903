package org.energyweb.ledger;

/**
 * A reading whose append has committed.
 *
 * @param nanos from the call of {@link Ledger#append} to its commit
 */
public record CommittedAppend(LedgerEntry entry, long nanos) {
}
