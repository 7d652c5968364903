package org.energyweb.ledger;

import java.util.List;

/**
 * What {@link LedgerVerifier} found: how much it checked and every problem. {@code lateReadings}
 * counts the readings appended at their chain's head after a later one (late, see the reading's
 * {@code late} member): part of a sound chain, told apart so an auditor sees them.
 */
public record VerifyReport(long documents, int meters, List<ChainProblem> problems, long lateReadings) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
