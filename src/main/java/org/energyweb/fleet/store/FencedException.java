package org.energyweb.fleet.store;

/**
 * A worker wrote for a partition it no longer owns: another worker claimed it since (a rebalance
 * while this one was paused or cut off). Nothing of the write was kept.
 */
public final class FencedException extends RuntimeException {

    /** The epoch of the claim the refused write was made under; none for a write without a claim. */
    private static final long NO_CLAIM = -1;

    private final String topic;
    private final int partition;
    private final long epoch;

    public FencedException(String topic, int partition, long epoch, long current) {
        super("partition " + topic + "-" + partition + " was claimed again (epoch " + current + "); this worker's epoch "
                + epoch + " is stale, its write was refused");
        this.topic = topic;
        this.partition = partition;
        this.epoch = epoch;
    }

    /** A write for a partition this worker holds no claim to at all (it lost it, or never had it). */
    FencedException(String topic, int partition) {
        super("partition " + topic + "-" + partition + " is not this worker's; its write was refused");
        this.topic = topic;
        this.partition = partition;
        this.epoch = NO_CLAIM;
    }

    /**
     * Whether {@code claim} was made after this write was refused: the refusal then says nothing about
     * the claim. A transaction in flight during a rebalance that gave the partition back to the same
     * worker fails under its old claim (or under none, between revocation and assignment) and is
     * reported only once the worker holds the new one.
     */
    public boolean predates(PartitionClaim claim) {
        return claim.epoch() > epoch;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }
}
