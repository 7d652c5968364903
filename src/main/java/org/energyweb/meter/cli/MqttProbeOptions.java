package org.energyweb.meter.cli;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.energyweb.meter.mqtt.BrokerTransport;
import org.energyweb.meter.mqtt.MqttMapping;
import org.energyweb.meter.mqtt.MqttProbe;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** The options of {@code meter probe --mqtt}: the topic and the mapping the mqtt-meter-source kamelet takes too. */
public class MqttProbeOptions {

    /** Where the broker password is read from: never an option, so it stays out of shell history and process lists. */
    static final String PASSWORD_VARIABLE = "ENERGYWEB_MQTT_PASSWORD";

    @Option(names = "--topic", paramLabel = "T", description = "With --mqtt: the device's topic (wildcards allowed).")
    String topic;

    @Option(names = "--format", paramLabel = "tasmota|shelly|json", defaultValue = "tasmota",
            description = "With --mqtt: how the device's messages are read (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--energy-path", paramLabel = "JSONPATH", description = "With --format json: the energy register.")
    String energyPath;

    @Option(names = "--energy-unit", paramLabel = "UNIT", defaultValue = "Wh", description = "With --format json: Wh, kWh, MWh or J (default: ${DEFAULT-VALUE}).")
    String energyUnit;

    @Option(names = "--export-path", paramLabel = "JSONPATH", description = "With --format json: the export register.")
    String exportPath;

    @Option(names = "--power-path", paramLabel = "JSONPATH", description = "With --format json: the power in W.")
    String powerPath;

    @Option(names = "--time-path", paramLabel = "JSONPATH", description = "With --format json: the device's time (epoch seconds or ISO date-time).")
    String timePath;

    @Option(names = "--device-zone", paramLabel = "ZONE", defaultValue = "UTC", description = "Zone of a device clock without offset (default: ${DEFAULT-VALUE}).")
    String deviceZone;

    @Option(names = "--max-age", paramLabel = "MS", defaultValue = "300000", description = "With --mqtt: how old a value may be (default: ${DEFAULT-VALUE}).")
    long maxAgeMillis;

    @Option(names = "--mqtt-user", paramLabel = "NAME", description = "With --mqtt: broker user; the password is read from $" + PASSWORD_VARIABLE + ".")
    String user;

    @Option(names = "--allow-insecure", description = "With --mqtt: accept tcp:// (unencrypted) to a broker that is not on this machine.")
    boolean allowInsecure;

    Map<String, Object> probe(CommandSpec spec, String brokerUrl, Duration wait)
            throws MqttException, TimeoutException, InterruptedException {
        if (topic == null || topic.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--mqtt needs --topic T");
        }
        MqttMapping mapping;
        try {
            BrokerTransport.check(brokerUrl, allowInsecure);
            mapping = new MqttMapping(format, ZoneId.of(deviceZone), energyPath, energyUnit, exportPath, powerPath, timePath);
            mapping.decoder();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        return MqttProbe.probe(brokerUrl, topic, mapping, Duration.ofMillis(maxAgeMillis), user, password == null ? null : password.toCharArray(), wait);
    }
}
