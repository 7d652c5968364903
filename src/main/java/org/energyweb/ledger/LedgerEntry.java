package org.energyweb.ledger;

import org.energyweb.reading.ReadingDocument;

/**
 * A reading as the ledger holds it.
 *
 * @param position the ledger position: the global order in which readings were appended, from 1
 */
public record LedgerEntry(long position, ReadingDocument document) {

    public String meter() {
        return document.reading().meter();
    }

    public long seq() {
        return document.reading().seq();
    }

    @Override
    public String toString() {
        return "@" + position + " " + document;
    }
}
