package org.energyweb.fleet.store;

/**
 * A worker wrote for a partition it no longer owns: another worker claimed it since (a rebalance
 * while this one was paused or cut off). Nothing of the write was kept.
 */
public final class FencedException extends RuntimeException {

    public FencedException(String topic, int partition, long epoch, long current) {
        super("partition " + topic + "-" + partition + " was claimed again (epoch " + current + "); this worker's epoch "
                + epoch + " is stale, its write was refused");
    }
}
