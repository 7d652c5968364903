package org.energyweb.fleet.worker;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.energyweb.fleet.FleetRecord;
import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Readings and records as a gateway's kafka hop publishes them, made by the tests that play the gateways. */
final class TestReadings {

    private TestReadings() {
    }

    /** A meter's chain of {@code length} readings, one a minute, from seq 0. */
    static List<ReadingDocument> chain(String meter, int length) {
        List<ReadingDocument> documents = new ArrayList<>();
        ChainHead head = null;
        for (long i = 0; i < length; i++) {
            Reading reading = Reading.next(new Measurement(meter, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * i),
                    1000 + 10 * i, false, "test", null, null), head);
            ReadingDocument document = ReadingDocument.of(reading);
            documents.add(document);
            head = document.asHead();
        }
        return documents;
    }

    static KafkaProducer<String, byte[]> producer(String brokers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** The record of a reading with the headers its gateway claims. */
    static ProducerRecord<String, byte[]> record(String topic, String gateway, ReadingDocument document, String sha256) {
        return record(topic, gateway, document.reading().meter(), String.valueOf(document.reading().seq()), sha256, document.bytes());
    }

    static ProducerRecord<String, byte[]> record(String topic, String gateway, String meter, String seq, String sha256, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, meter, value);
        record.headers().add(FleetRecord.GATEWAY, gateway.getBytes(StandardCharsets.UTF_8));
        record.headers().add(FleetRecord.METER, meter.getBytes(StandardCharsets.UTF_8));
        record.headers().add(FleetRecord.SEQ, seq.getBytes(StandardCharsets.UTF_8));
        record.headers().add(FleetRecord.SHA256, sha256.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
