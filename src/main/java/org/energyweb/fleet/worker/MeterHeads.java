package org.energyweb.fleet.worker;

import org.energyweb.fleet.service.MeterHead;
import org.energyweb.fleet.store.FleetStore;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The meters' chain heads of one owned partition, kept between polls: the owner is the only writer of
 * its partition's meters (a meter's records all go to one partition, and every write is fenced by the
 * partition's epoch), so what it committed is what the database holds. A meter not seen yet is read
 * with the others of its poll in one query; a meter without a head is remembered as such. The worker
 * drops the whole cache when the partition is lost or claimed again, and when a commit's outcome is unknown.
 */
final class MeterHeads {

    private final Map<String, Optional<MeterHead>> known = new HashMap<>();

    /** Reads the heads of those of {@code meters} not known yet, in one query. */
    void load(FleetStore store, Collection<String> meters) {
        List<String> missing = meters.stream().filter(meter -> meter != null && !known.containsKey(meter)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, MeterHead> stored = store.heads(missing);
        missing.forEach(meter -> known.put(meter, Optional.ofNullable(stored.get(meter))));
    }

    Optional<MeterHead> get(FleetStore store, String meter) {
        load(store, List.of(meter));
        return known.get(meter);
    }

    /** The heads a commit stored. */
    void advance(Collection<MeterHead> committed) {
        committed.forEach(head -> known.put(head.meter(), Optional.of(head)));
    }
}
