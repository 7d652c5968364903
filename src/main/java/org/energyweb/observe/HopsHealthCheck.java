package org.energyweb.observe;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.energyweb.ledger.LedgerStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every hop's backlog and the age of its oldest pending reading, against limits: beyond one, the hop
 * is named with its figure and the limit. Read from the metrics' ledger snapshot, so a probe never
 * queries the database. A hop falling behind delays anchoring but loses nothing and keeps readings
 * being ledgered, so this check counts for the overall health only.
 */
final class HopsHealthCheck extends OverallHealthCheck {

    private final Supplier<LedgerStatus> snapshot;
    private final long maxBacklog;
    private final Duration maxPendingAge;

    HopsHealthCheck(Supplier<LedgerStatus> snapshot, long maxBacklog, Duration maxPendingAge) {
        super("hops");
        this.snapshot = snapshot;
        this.maxBacklog = maxBacklog;
        this.maxPendingAge = maxPendingAge;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        LedgerStatus status = snapshot.get();
        if (status == null) {
            builder.message("no ledger snapshot yet").unknown();
            return;
        }
        List<String> behind = new ArrayList<>();
        List<String> within = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> hop : status.total().hops().entrySet()) {
            long backlog = hop.getValue().getOrDefault(LedgerStatus.PENDING, 0L);
            LedgerStatus.OldestPending oldest = status.oldestPending().get(hop.getKey());
            Duration age = oldest == null ? Duration.ZERO : oldest.age(status.time());
            builder.detail("hop." + hop.getKey() + ".backlog", backlog);
            builder.detail("hop." + hop.getKey() + ".oldest.pending.seconds", age.toSeconds());
            if (backlog > maxBacklog) {
                behind.add("hop " + hop.getKey() + " has " + backlog + " readings pending (limit " + maxBacklog + ")");
            }
            if (age.compareTo(maxPendingAge) > 0) {
                behind.add("hop " + hop.getKey() + "'s oldest pending reading waits " + age.toSeconds() + " s (limit "
                        + maxPendingAge.toSeconds() + " s)");
            }
            within.add(hop.getKey() + " " + backlog + " pending, oldest " + age.toSeconds() + " s");
        }
        if (behind.isEmpty()) {
            builder.message(within.isEmpty() ? "no hops" : "hops within limits: " + String.join("; ", within)).up();
        } else {
            builder.message(String.join("; ", behind)).down();
        }
    }
}
