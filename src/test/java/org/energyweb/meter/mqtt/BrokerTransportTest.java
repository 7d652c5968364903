package org.energyweb.meter.mqtt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerTransportTest {

    @Test
    void anUnencryptedSchemeToAnotherMachineIsRefusedNamingTheBrokerAndTheOptOut() {
        for (String url : new String[] {"tcp://broker.example:1883", "mqtt://10.0.0.5:1883", "ws://broker.example:8080/mqtt"}) {
            assertThatThrownBy(() -> BrokerTransport.check(url, false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refusing unencrypted MQTT").hasMessageContaining("allowInsecure");
        }
    }

    @Test
    void encryptedSchemesAreAcceptedAnywhere() {
        assertThatCode(() -> BrokerTransport.check("ssl://broker.example:8883", false)).doesNotThrowAnyException();
        assertThatCode(() -> BrokerTransport.check("wss://broker.example/mqtt", false)).doesNotThrowAnyException();
    }

    @Test
    void anUnencryptedSchemeIsAcceptedOnLoopback() {
        assertThatCode(() -> BrokerTransport.check("tcp://127.0.0.1:1883", false)).doesNotThrowAnyException();
        assertThatCode(() -> BrokerTransport.check("tcp://localhost:1883", false)).doesNotThrowAnyException();
    }

    @Test
    void theOptOutAcceptsAnUnencryptedSchemeToAnotherMachine() {
        assertThatCode(() -> BrokerTransport.check("tcp://broker.example:1883", true)).doesNotThrowAnyException();
    }
}
