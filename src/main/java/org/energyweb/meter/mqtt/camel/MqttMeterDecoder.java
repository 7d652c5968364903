package org.energyweb.meter.mqtt.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Message;
import org.apache.camel.support.service.ServiceSupport;
import org.energyweb.meter.mqtt.BrokerTransport;
import org.energyweb.meter.mqtt.DeviceMessage;
import org.energyweb.meter.mqtt.MqttMapping;
import org.energyweb.meter.mqtt.MqttMeterSource;
import org.energyweb.meter.camel.MeterOutcome;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The bean of the {@code mqtt-meter-source} kamelet: turns each message paho-mqtt5 received into a
 * {@link Measurement} body, or a {@link org.energyweb.reading.MeterFault} body with the
 * {@link MeterFaultException} caught (as the other meter sources deliver faults, so the ledger dead-letters
 * them), or stops the exchange for a message of the device that carries no register. Started with the
 * kamelet's route, before paho connects, it refuses an unencrypted link to a broker on another machine
 * ({@link BrokerTransport}) unless {@code allowInsecure} is set.
 */
public class MqttMeterDecoder extends ServiceSupport implements Processor {

    private String meterId;
    private String brokerUrl;
    private boolean allowInsecure;
    private String format = "tasmota";
    private long maxAge = 300_000;
    private String deviceZone = "UTC";
    private String energyPath;
    private String energyUnit = "Wh";
    private String exportPath;
    private String powerPath;
    private String timePath;
    private Clock clock = Clock.systemUTC();
    private MqttMeterSource source;

    @Override
    protected void doStart() {
        if (brokerUrl != null) {
            BrokerTransport.check(brokerUrl, allowInsecure);
        }
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        boolean retained = in instanceof PahoMqtt5Message paho && paho.getMqttMessage() != null && paho.getMqttMessage().isRetained();
        DeviceMessage message = new DeviceMessage(in.getHeader(PahoMqtt5Constants.MQTT_TOPIC, "", String.class),
                in.getBody(byte[].class), retained, clock.instant());
        try {
            Optional<Measurement> reading = source().accept(message);
            if (reading.isPresent()) {
                MeterOutcome.reading(reading.get()).writeTo(exchange);
            } else {
                exchange.setRouteStop(true);
            }
        } catch (MeterFaultException fault) {
            MeterOutcome.fault(fault).writeTo(exchange);
        }
    }

    private synchronized MqttMeterSource source() {
        if (source == null) {
            MqttMapping mapping = new MqttMapping(format, ZoneId.of(deviceZone), energyPath, energyUnit, exportPath, powerPath, timePath);
            source = new MqttMeterSource(meterId, mapping.decoder(), Duration.ofMillis(maxAge), clock);
        }
        return source;
    }

    public void setMeterId(String meterId) {
        this.meterId = meterId;
    }

    /** The broker the kamelet subscribes at, for the transport check at start. */
    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public void setAllowInsecure(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public void setMaxAge(long millis) {
        this.maxAge = millis;
    }

    public void setDeviceZone(String deviceZone) {
        this.deviceZone = deviceZone;
    }

    public void setEnergyPath(String energyPath) {
        this.energyPath = energyPath;
    }

    public void setEnergyUnit(String energyUnit) {
        this.energyUnit = energyUnit;
    }

    public void setExportPath(String exportPath) {
        this.exportPath = exportPath;
    }

    public void setPowerPath(String powerPath) {
        this.powerPath = powerPath;
    }

    public void setTimePath(String timePath) {
        this.timePath = timePath;
    }

    /** For tests and embedding applications that run on another clock. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
