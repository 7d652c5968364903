package org.energyweb.ledger;

import java.util.List;

/** What {@link LedgerVerifier} found: how much it checked and every problem. */
public record VerifyReport(long documents, int meters, List<ChainProblem> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
