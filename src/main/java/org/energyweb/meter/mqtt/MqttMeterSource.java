package org.energyweb.meter.mqtt;

import org.energyweb.meter.Plausibility;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One device publishing to MQTT as one meter. A message whose value is older than {@code maxAge} when it
 * arrives (a device whose clock or link stalled, a retained message from yesterday) is a fault, not a reading:
 * stale data is what MQTT sources get wrong most often. So are malformed messages and implausible values.
 */
public final class MqttMeterSource {

    private final String meterId;
    private final MessageDecoder decoder;
    private final Duration maxAge;
    private final Clock clock;
    private final Plausibility plausibility;

    public MqttMeterSource(String meterId, MessageDecoder decoder, Duration maxAge, Clock clock) {
        this.meterId = meterId;
        this.decoder = decoder;
        this.maxAge = maxAge;
        this.clock = clock;
        this.plausibility = new Plausibility(clock);
    }

    /**
     * @return the measurement, or empty for a message of the device that carries no register
     * @throws MeterFaultException when the message cannot be trusted
     */
    public Optional<Measurement> accept(DeviceMessage message) {
        String source = "mqtt:" + message.topic();
        Optional<DeviceReading> decoded;
        try {
            decoded = decoder.decode(message);
        } catch (MessageFormatException e) {
            throw fault(source, e.getMessage(), message);
        }
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        DeviceReading reading = decoded.get();
        Instant now = clock.instant();
        Duration age = Duration.between(reading.time(), now);
        if (age.compareTo(maxAge) > 0) {
            throw fault(source, "stale value: measured at " + reading.time() + ", " + age.toSeconds() + " s before it arrived (maxAge "
                    + maxAge.toSeconds() + " s)", message);
        }
        Measurement measurement = new Measurement(meterId, reading.time(), reading.energyWh(), false, source, reading.exportWh(), reading.powerW());
        try {
            return Optional.of(plausibility.check(measurement));
        } catch (MeterFaultException e) {
            throw fault(source, e.fault().reason(), message);
        }
    }

    private MeterFaultException fault(String source, String reason, DeviceMessage message) {
        return new MeterFaultException(new MeterFault(meterId, clock.instant(), source, reason, message.payload()));
    }
}
