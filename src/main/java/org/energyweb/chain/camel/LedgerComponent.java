package org.energyweb.chain.camel;

import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;
import org.energyweb.ledger.Ledger;

/** A component that works on the application's one ledger (one per data folder and process). */
abstract class LedgerComponent extends DefaultComponent {

    @Metadata(autowired = true, description = "The application's ledger; when not set, the single Ledger bean of the registry")
    private Ledger ledger;

    public Ledger getLedger() {
        return ledger;
    }

    public void setLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    Ledger ledger() {
        if (ledger == null) {
            ledger = org.energyweb.ledger.camel.LedgerComponent.bound(getCamelContext());
            if (ledger == null) {
                throw new IllegalStateException("no Ledger bean in the Camel registry: bind the application's ledger "
                        + "(one per data folder) or set it on the " + getClass().getSimpleName());
            }
        }
        return ledger;
    }
}
