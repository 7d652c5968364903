package org.energyweb.meter.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Subscribes to a device's topic until the first message that carries its register, and tells what it says:
 * for {@code meter probe --mqtt}. The message goes through the same mapping and fault rules as the kamelet's.
 */
public final class MqttProbe {

    private MqttProbe() {
    }

    /**
     * @param password null without credentials
     * @throws MeterFaultException when the first register message is a fault (stale, retained, malformed)
     * @throws MqttException       when the broker cannot be reached
     * @throws TimeoutException    when no register message arrives within {@code wait}
     */
    public static Map<String, Object> probe(String brokerUrl, String topic, MqttMapping mapping, Duration maxAge, String userName, char[] password,
                                            Duration wait) throws MqttException, TimeoutException, InterruptedException {
        MqttMeterSource source = new MqttMeterSource("probe", mapping.decoder(), maxAge, Clock.systemUTC());
        CompletableFuture<Measurement> first = new CompletableFuture<>();
        MqttClient client = new MqttClient(brokerUrl, "energyweb-probe-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setConnectionTimeout(Math.max(1, (int) wait.toSeconds()));
            if (userName != null) {
                options.setUserName(userName);
                options.setPassword(password == null ? null : new String(password).getBytes(StandardCharsets.UTF_8));
            }
            client.connect(options);
            IMqttMessageListener listener = (received, message) -> {
                try {
                    Optional<Measurement> reading = source.accept(new DeviceMessage(received, message.getPayload(), message.isRetained(),
                            Clock.systemUTC().instant()));
                    reading.ifPresent(first::complete);
                } catch (MeterFaultException fault) {
                    first.completeExceptionally(fault);
                }
            };
            client.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)}, new IMqttMessageListener[] {listener});
            Measurement reading = first.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("source", reading.source());
            report.put("format", mapping.format());
            report.put("time", reading.time().toString());
            report.put("energyImportWh", reading.energyWh());
            report.put("energyExportWh", reading.exportWh());
            report.put("powerW", reading.powerW());
            return report;
        } catch (ExecutionException e) {
            throw (MeterFaultException) e.getCause();
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }
}
