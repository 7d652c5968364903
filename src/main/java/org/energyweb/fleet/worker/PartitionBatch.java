package org.energyweb.fleet.worker;

import org.energyweb.fleet.service.InboundReading;
import org.energyweb.fleet.service.MeterHead;
import org.energyweb.fleet.service.ReadingCheck;
import org.energyweb.fleet.service.Verdict;
import org.energyweb.fleet.store.FleetStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records of one poll for one partition, checked in order before they are stored in one
 * transaction: a reading accepted earlier in the same poll is already the chain's head for the next
 * one (and a second delivery of it is a duplicate), though neither is in the database yet.
 */
final class PartitionBatch {

    private final FleetStore store;
    private final Map<String, MeterHead> heads = new HashMap<>();
    private final Map<String, String> digests = new HashMap<>();
    private final List<FleetStore.Accepted> accepted = new ArrayList<>();
    private final List<FleetStore.Refused> refused = new ArrayList<>();
    private final ReadingCheck check;
    private int duplicates;

    PartitionBatch(FleetStore store, Set<String> gateways) {
        this.store = store;
        this.check = new ReadingCheck(gateways, this::head, this::digest);
    }

    void add(InboundReading in) {
        Verdict verdict = check.check(in);
        if (verdict instanceof Verdict.Accepted ok) {
            String meter = ok.document().reading().meter();
            long seq = ok.document().reading().seq();
            heads.put(meter, new MeterHead(meter, in.gateway(), seq, ok.document().sha256Hex()));
            digests.put(meter + "#" + seq, ok.document().sha256Hex());
            accepted.add(new FleetStore.Accepted(in, ok.document()));
        } else if (verdict instanceof Verdict.Refused no) {
            refused.add(new FleetStore.Refused(in, no.reason()));
        } else {
            duplicates++;
        }
    }

    List<FleetStore.Accepted> accepted() {
        return accepted;
    }

    List<FleetStore.Refused> refused() {
        return refused;
    }

    int duplicates() {
        return duplicates;
    }

    private Optional<MeterHead> head(String meter) {
        MeterHead pending = heads.get(meter);
        return pending != null ? Optional.of(pending) : store.head(meter);
    }

    private Optional<String> digest(String meter, long seq) {
        String pending = digests.get(meter + "#" + seq);
        return pending != null ? Optional.of(pending) : store.digest(meter, seq);
    }
}
