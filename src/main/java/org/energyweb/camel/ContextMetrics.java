package org.energyweb.camel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * The metrics registry of one gateway: the one Camel's metrics use in its CamelContext (bound as
 * {@value MicrometerConstants#METRICS_REGISTRY_NAME} before the routes start), so two gateways in one JVM each count only
 * their own. A context without one (routes run without the management port) gets a registry that records nothing.
 */
public final class ContextMetrics {

    private ContextMetrics() {
    }

    public static MeterRegistry registry(CamelContext context) {
        MeterRegistry bound = context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        // A composite of no registries keeps no values: its meters are no-ops.
        return bound != null ? bound : new CompositeMeterRegistry();
    }
}
