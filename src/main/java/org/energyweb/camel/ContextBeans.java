package org.energyweb.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import java.util.function.Supplier;

/**
 * State that belongs to one gateway, not to the process: a bean in its CamelContext's registry, made by the first
 * component, endpoint or health check that asks for it. So two gateways (or two CamelContexts of one test) in one JVM
 * keep apart what each knows, and an application may bind its own bean under the name before the context starts.
 */
public final class ContextBeans {

    private ContextBeans() {
    }

    /** The bean bound as {@code name} in {@code context}, bound from {@code create} if there is none yet. */
    public static <T> T computeIfAbsent(CamelContext context, String name, Class<T> type, Supplier<T> create) {
        Registry registry = context.getRegistry();
        T bound = registry.lookupByNameAndType(name, type);
        if (bound != null) {
            return bound;
        }
        // Two routes starting at once must not each bind a bean of their own.
        synchronized (registry) {
            T bean = registry.lookupByNameAndType(name, type);
            if (bean == null) {
                bean = create.get();
                registry.bind(name, type, bean);
            }
            return bean;
        }
    }
}
