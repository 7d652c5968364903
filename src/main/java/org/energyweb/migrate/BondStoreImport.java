package org.energyweb.migrate;

import org.energyweb.ledger.Ledger;
import org.energyweb.reading.Measurement;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends an ew-link-bond history to a meter's chain as its prehistory. Each reading's source names the old file
 * and its hash ({@code ew-link-bond:<file>#<Qm...>}), the value the old gateway sent on chain with the next reading,
 * so what is on the old chain can still be matched to the imported document. A file the old gateway wrote while
 * the meter was down becomes a down reading (its last good value carried, never the 0 the original sent).
 */
public final class BondStoreImport {

    private BondStoreImport() {
    }

    /** @return what could not be imported, with the reason (e.g. a down file before any good one) */
    public static List<String> into(Ledger ledger, String meter, List<BondRecord> records) {
        List<String> skipped = new ArrayList<>();
        boolean any = ledger.head(meter).isPresent();
        for (BondRecord record : records) {
            String source = "ew-link-bond:" + record.name() + "#" + record.hash();
            if (record.meterDown() && !any) {
                skipped.add(record.name() + ": the meter was down and has no earlier reading to carry");
                continue;
            }
            Measurement measurement = record.meterDown()
                    ? Measurement.down(meter, record.time(), source)
                    : Measurement.of(meter, record.time(), record.value(), source);
            try {
                ledger.appendAndWait(measurement);
            } catch (IllegalArgumentException refused) {
                throw new IllegalArgumentException(record.name() + ": " + refused.getMessage(), refused);
            }
            any = true;
        }
        return skipped;
    }
}
