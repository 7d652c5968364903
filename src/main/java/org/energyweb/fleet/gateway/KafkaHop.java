package org.energyweb.fleet.gateway;

/**
 * How the kafka hop records itself in the ledger's outbox: hop {@code kafka}, state {@code published}
 * once the broker acknowledged the record on all in-sync replicas, with {@code topic/partition/offset}
 * as detail, so a restart resumes with the readings not yet acknowledged.
 */
public final class KafkaHop {

    public static final String NAME = "kafka";
    public static final String PUBLISHED = "published";

    private KafkaHop() {
    }

    /** The outbox detail of a published record. */
    public static String detail(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}
