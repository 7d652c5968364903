package org.energyweb.fleet.store;

/**
 * A worker wrote for a partition it no longer owns: another worker claimed it since (a rebalance
 * while this one was paused or cut off). Nothing of the write was kept.
 */
public final class FencedException extends RuntimeException {

    private final String topic;
    private final int partition;

    public FencedException(String topic, int partition, long epoch, long current) {
        super("partition " + topic + "-" + partition + " was claimed again (epoch " + current + "); this worker's epoch "
                + epoch + " is stale, its write was refused");
        this.topic = topic;
        this.partition = partition;
    }

    /** A write for a partition this worker holds no claim to at all (it lost it, or never had it). */
    FencedException(String topic, int partition) {
        super("partition " + topic + "-" + partition + " is not this worker's; its write was refused");
        this.topic = topic;
        this.partition = partition;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }
}
