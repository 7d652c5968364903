package org.energyweb.camel;

import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.reading.Reading;

import java.util.ArrayList;
import java.util.List;

/** What a meter source test asserts on: one meter's readings in chain order, and its dead letters. */
final class LedgerContents {

    private LedgerContents() {
    }

    static List<Reading> readings(Ledger ledger, String meter) {
        List<Reading> readings = new ArrayList<>();
        ledger.forEachByMeter(entry -> {
            if (entry.meter().equals(meter)) {
                readings.add(entry.document().reading());
            }
        });
        return readings;
    }

    static List<DeadLetter> letters(Ledger ledger, String meter) {
        return ledger.deadLetters().list(1000).stream().filter(letter -> letter.meter().equals(meter)).toList();
    }
}
