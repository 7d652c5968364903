package org.energyweb.ledger.camel;

import org.apache.camel.Message;
import org.energyweb.ledger.LedgerEntry;

/** How a ledgered reading is put on a message, by the append producer and the outbox consumer alike. */
final class LedgerMessages {

    private LedgerMessages() {
    }

    /** Its document as the body, its identity in the headers. */
    static void describe(Message message, LedgerEntry entry) {
        message.setBody(entry.document().bytes());
        message.setHeader(LedgerConstants.METER, entry.meter());
        message.setHeader(LedgerConstants.SEQ, entry.seq());
        message.setHeader(LedgerConstants.POSITION, entry.position());
        message.setHeader(LedgerConstants.SHA256, entry.document().sha256Hex());
        message.setHeader(LedgerConstants.METER_DOWN, entry.document().reading().down());
    }
}
