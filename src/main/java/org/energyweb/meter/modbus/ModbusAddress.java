package org.energyweb.meter.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a Modbus TCP device answers: host, port and unit id (the slave id behind a gateway), with the
 * time one request may take before the device counts as not answering.
 */
public record ModbusAddress(String host, int port, int unitId, Duration timeout) {

    public static final int DEFAULT_PORT = 502;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public ModbusAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("Modbus host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Modbus port " + port + " is outside 1-65535");
        }
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("Modbus unit id " + unitId + " is outside 0-255");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Modbus timeout must be positive, was " + timeout);
        }
    }

    /** Parses {@code HOST:PORT} or {@code HOST} (port 502). */
    public static ModbusAddress parse(String hostAndPort, int unitId, Duration timeout) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            throw new IllegalArgumentException("expected HOST:PORT, got nothing");
        }
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0) {
            return new ModbusAddress(hostAndPort, DEFAULT_PORT, unitId, timeout);
        }
        String port = hostAndPort.substring(colon + 1);
        try {
            return new ModbusAddress(hostAndPort.substring(0, colon), Integer.parseInt(port), unitId, timeout);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT, the port in '" + hostAndPort + "' is not a number");
        }
    }

    /** The source a measurement names, e.g. {@code modbus:10.0.0.5:502/1}. */
    public String source() {
        return "modbus:" + host + ":" + port + "/" + unitId;
    }
}
