package org.energyweb.fleet.store;

/**
 * A worker's ownership of one partition: the epoch it was given when it claimed the partition (every
 * claim raises it) and the offset of the next record to read, as stored with the partition's state.
 */
public record PartitionClaim(String topic, int partition, String worker, long epoch, long nextOffset) {
}
