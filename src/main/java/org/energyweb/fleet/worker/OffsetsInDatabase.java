package org.energyweb.fleet.worker;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;

/**
 * The anchor service's Kafka consumer commits nothing to Kafka: its offsets are stored with the readings in
 * PostgreSQL. A manual commit factory of its own makes camel-kafka use its no-op commit manager (the
 * default factories commit the consumer's positions when it stops or reconnects).
 */
public final class OffsetsInDatabase implements KafkaManualCommitFactory {

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record, CommitManager commits) {
        return () -> {
            throw new UnsupportedOperationException("the anchor service stores its offsets in PostgreSQL, not in Kafka");
        };
    }
}
