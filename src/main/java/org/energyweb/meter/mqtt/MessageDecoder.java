package org.energyweb.meter.mqtt;

import java.util.Optional;

/** Reads a device's messages: a reading, nothing (a message of the device that carries no register), or a fault. */
@FunctionalInterface
public interface MessageDecoder {

    Optional<DeviceReading> decode(DeviceMessage message) throws MessageFormatException;
}
