package org.energyweb.chain.camel;

import org.apache.camel.CamelContext;
import org.energyweb.ledger.Ledger;

/** Finds the one ledger of a Camel application in its registry. */
final class LedgerLookup {

    private LedgerLookup() {
    }

    static Ledger find(CamelContext context) {
        Ledger ledger = context.getRegistry().findSingleByType(Ledger.class);
        if (ledger == null) {
            throw new IllegalStateException("no Ledger bean in the Camel registry: bind the application's ledger "
                    + "(one per data folder) or set it on the component");
        }
        return ledger;
    }
}
