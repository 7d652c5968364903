package org.energyweb.fleet.gateway;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.ledger.camel.LedgerConstants;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two steps around the Kafka producer in the kafka-readings-sink kamelet: {@link #prepare} turns
 * a reading from the ledger's outbox into a record (key, headers) and {@link #published} tells the
 * outbox where the broker put it. Used through {@code class:org.energyweb.fleet.gateway.KafkaReadingRecords?bean.gatewayId=...}.
 */
public class KafkaReadingRecords {

    private String gatewayId;
    private String brokers;
    private String securityProtocol = "PLAINTEXT";
    private boolean allowInsecure;
    private volatile boolean transportChecked;

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }

    public void setSecurityProtocol(String securityProtocol) {
        this.securityProtocol = securityProtocol;
    }

    public void setAllowInsecure(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    /** Keys the record by meter and writes the reading's identity as text headers; the body stays the document's bytes. */
    public void prepare(Exchange exchange) {
        if (gatewayId == null || gatewayId.isBlank()) {
            throw new IllegalStateException("the kafka hop needs a gateway id: the anchor service accepts readings only from gateways it knows");
        }
        if (!transportChecked) {
            KafkaTransport.check(brokers, securityProtocol, allowInsecure);
            transportChecked = true;
        }
        Message message = exchange.getMessage();
        String meter = message.getHeader(LedgerConstants.METER, String.class);
        message.setHeader(KafkaConstants.KEY, meter);
        message.setHeader(FleetRecord.GATEWAY, text(gatewayId));
        message.setHeader(FleetRecord.METER, text(meter));
        message.setHeader(FleetRecord.SEQ, text(String.valueOf(message.getHeader(LedgerConstants.SEQ, Long.class))));
        message.setHeader(FleetRecord.SHA256, text(message.getHeader(LedgerConstants.SHA256, String.class)));
    }

    /** Sets the outbox's hop state and detail from the record metadata the producer returned. */
    public void published(Exchange exchange) {
        Message message = exchange.getMessage();
        @SuppressWarnings("unchecked")
        List<RecordMetadata> sent = message.getHeader(KafkaConstants.KAFKA_RECORD_META, List.class);
        if (sent == null || sent.isEmpty()) {
            throw new IllegalStateException("the Kafka producer returned no record metadata: the record's place is unknown");
        }
        RecordMetadata record = sent.get(sent.size() - 1);
        message.setHeader(LedgerConstants.HOP_STATE, KafkaHop.PUBLISHED);
        message.setHeader(LedgerConstants.HOP_DETAIL, KafkaHop.detail(record.topic(), record.partition(), record.offset()));
    }

    /** As bytes, so the header reaches the record as UTF-8 text whatever header serializer is configured. */
    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
