package org.energyweb.meter.mqtt;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.energyweb.peers.PeerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}) on a free loopback port with a generated
 * configuration, and a publishing client standing in for the devices.
 */
public final class MosquittoBroker implements AutoCloseable {

    private final PeerProcess broker;
    private final MqttClient devices;

    public MosquittoBroker(Path dir) throws IOException, MqttException {
        int port = PeerProcess.freeLoopbackPort();
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        broker = PeerProcess.start("mosquitto", port, List.of("/usr/sbin/mosquitto", "-c", config.toString()), dir, Duration.ofSeconds(20));
        devices = new MqttClient(url(), "test-devices", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        devices.connect(options);
    }

    public String url() {
        return "tcp://127.0.0.1:" + broker.port();
    }

    /** Publishes with QoS 1, so the broker has it when this returns. */
    public void publish(String topic, String payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(retained);
        devices.publish(topic, message);
    }

    @Override
    public void close() throws MqttException {
        try {
            devices.disconnect();
            devices.close();
        } finally {
            broker.close();
        }
    }
}
