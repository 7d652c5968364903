package org.energyweb.fleet.worker;

import org.energyweb.fleet.service.InboundReading;
import org.energyweb.fleet.service.MeterHead;
import org.energyweb.fleet.service.ReadingCheck;
import org.energyweb.fleet.service.Verdict;
import org.energyweb.fleet.store.FleetStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The records of one poll for one partition, checked in order before they are stored in one
 * transaction: a reading accepted earlier in the same poll is already the chain's head for the next
 * one (and a second delivery of it is a duplicate), though neither is in the database yet. A reading
 * after a gap is held (a dead letter marked held); once the missing reading is accepted, the held
 * ones that follow it are checked again and accepted in order, at the offset of the record that
 * released them, so their batch takes them after it.
 */
final class PartitionBatch {

    private final FleetStore store;
    private final MeterHeads stored;
    private final String topic;
    private final int partition;
    private final Map<String, MeterHead> heads = new HashMap<>();
    private final Map<String, String> digests = new HashMap<>();
    private final List<FleetStore.Accepted> accepted = new ArrayList<>();
    private final List<FleetStore.Refused> refused = new ArrayList<>();
    private final List<FleetStore.Released> released = new ArrayList<>();
    /** Readings held in this poll, by meter#seq. */
    private final Map<String, InboundReading> heldHere = new HashMap<>();
    /** Readings held in the database for this partition, by meter#seq; read at the first accepted reading. */
    private Set<String> heldStored;
    private final Set<String> gateways;
    private ReadingCheck check;
    private int duplicates;

    /** @param stored the partition's heads as committed; the heads of this poll's meters are loaded into it in one query by {@link #addAll} */
    PartitionBatch(FleetStore store, MeterHeads stored, Set<String> gateways, String topic, int partition) {
        this.store = store;
        this.stored = stored;
        this.topic = topic;
        this.partition = partition;
        this.gateways = gateways;
        this.check = new ReadingCheck(gateways, this::head, this::digest);
    }

    void addAll(List<InboundReading> poll) {
        List<String> named = poll.stream().map(InboundReading::gateway).filter(Objects::nonNull).distinct().toList();
        if (!gateways.containsAll(named)) {
            // the known gateways are read once and kept: one added since is looked for before its reading is refused
            check = new ReadingCheck(store.gatewaysWith(named), this::head, this::digest);
        }
        // the record key is the meter (the check refuses a record whose document says otherwise)
        stored.load(store, poll.stream().map(InboundReading::key).toList());
        poll.forEach(this::add);
    }

    private void add(InboundReading in) {
        Verdict verdict = check.check(in);
        if (verdict instanceof Verdict.Accepted ok) {
            accept(in, ok);
            release(ok.document().reading().meter(), ok.document().reading().seq() + 1, in.offset());
        } else if (verdict instanceof Verdict.Held held) {
            refused.add(new FleetStore.Refused(in, held.reason(), true));
            heldHere.putIfAbsent(in.meter() + "#" + in.seq(), in);
        } else if (verdict instanceof Verdict.Refused no) {
            refused.add(new FleetStore.Refused(in, no.reason(), false));
        } else {
            duplicates++;
        }
    }

    private void accept(InboundReading in, Verdict.Accepted ok) {
        String meter = ok.document().reading().meter();
        long seq = ok.document().reading().seq();
        heads.put(meter, new MeterHead(meter, in.gateway(), seq, ok.document().sha256Hex()));
        digests.put(meter + "#" + seq, ok.document().sha256Hex());
        accepted.add(new FleetStore.Accepted(in, ok.document()));
    }

    /** Accepts the held readings of {@code meter} from {@code seq} on while they extend its chain. */
    private void release(String meter, long seq, long offset) {
        for (long next = seq; ; next++) {
            String key = meter + "#" + next;
            InboundReading waiting = heldHere.remove(key);
            if (waiting == null && heldStored().contains(key)) {
                waiting = store.held(meter, next).orElse(null);
            }
            if (waiting == null) {
                return;
            }
            InboundReading moved = new InboundReading(waiting.topic(), waiting.partition(), offset, waiting.key(), waiting.gateway(),
                    waiting.meter(), waiting.seq(), waiting.sha256(), waiting.document());
            if (!(check.check(moved) instanceof Verdict.Accepted ok)) {
                return;
            }
            accept(moved, ok);
            released.add(new FleetStore.Released(meter, next, ok.document().sha256Hex()));
        }
    }

    private Set<String> heldStored() {
        if (heldStored == null) {
            heldStored = store.heldKeys(topic, partition);
        }
        return heldStored;
    }

    List<FleetStore.Accepted> accepted() {
        return accepted;
    }

    List<FleetStore.Refused> refused() {
        return refused;
    }

    List<FleetStore.Released> released() {
        return released;
    }

    /** The meters' heads after this poll's accepted readings, for {@link MeterHeads#advance} once they are committed. */
    Collection<MeterHead> heads() {
        return heads.values();
    }

    int duplicates() {
        return duplicates;
    }

    private Optional<MeterHead> head(String meter) {
        MeterHead pending = heads.get(meter);
        return pending != null ? Optional.of(pending) : stored.get(store, meter);
    }

    private Optional<String> digest(String meter, long seq) {
        String pending = digests.get(meter + "#" + seq);
        return pending != null ? Optional.of(pending) : store.digest(meter, seq);
    }
}
