package org.energyweb.fleet.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaTransportTest {

    @Test
    void plainTextIsAcceptedTowardsLoopbackBrokers() {
        assertThatCode(() -> KafkaTransport.check("127.0.0.1:9092,localhost:9093,[::1]:9094", "PLAINTEXT", false)).doesNotThrowAnyException();
    }

    @Test
    void plainTextTowardsARemoteBrokerIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> KafkaTransport.check("127.0.0.1:9092,kafka.example.org:9092", "PLAINTEXT", false))
                .hasMessageContaining("kafka.example.org:9092");
        assertThatThrownBy(() -> KafkaTransport.check("10.0.0.5:9092", "SASL_PLAINTEXT", false)).hasMessageContaining("SASL_PLAINTEXT");
        assertThatCode(() -> KafkaTransport.check("kafka.example.org:9092", "PLAINTEXT", true)).doesNotThrowAnyException();
    }

    @Test
    void encryptedProtocolsAreAcceptedTowardsAnyBroker() {
        assertThatCode(() -> KafkaTransport.check("kafka.example.org:9093", "SSL", false)).doesNotThrowAnyException();
        assertThatCode(() -> KafkaTransport.check("kafka.example.org:9093", "sasl_ssl", false)).doesNotThrowAnyException();
    }
}
