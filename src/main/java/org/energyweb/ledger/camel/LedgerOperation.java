package org.energyweb.ledger.camel;

import java.util.Locale;

/** What a ledger endpoint does. */
public enum LedgerOperation {
    /** Appends a measurement (or records a fault and marks the meter down). */
    APPEND,
    /** Emits, in ledger order, the readings whose state on a hop is not final yet: the outbox. */
    OUTBOX;

    static LedgerOperation parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ledger operation '" + name + "' (expected: append or outbox)");
        }
    }
}
