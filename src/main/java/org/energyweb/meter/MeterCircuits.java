package org.energyweb.meter;

import org.energyweb.remote.BreakerSettings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The circuits of one gateway's meters, by meter id, for the meters' health checks: the sources make them and know no
 * health registry. One per gateway (Camel keeps one per CamelContext,
 * {@link org.energyweb.meter.camel.MeterSourceEndpoint#circuits}), so two gateways in one JVM reading a meter of the same
 * id each see their own.
 */
public final class MeterCircuits {

    private final Map<String, MeterCircuit> current = new ConcurrentHashMap<>();

    /** A new circuit for {@code meterId}'s source, from now on the one its health check sees. */
    public MeterCircuit open(String meterId, String source, BreakerSettings settings) {
        MeterCircuit circuit = new MeterCircuit(meterId, source, settings);
        current.put(meterId, circuit);
        return circuit;
    }

    /** The newest circuit of {@code meterId}'s source, if it has one. */
    public Optional<MeterCircuit> of(String meterId) {
        return Optional.ofNullable(current.get(meterId));
    }
}
