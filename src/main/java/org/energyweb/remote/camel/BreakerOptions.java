package org.energyweb.remote.camel;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.camel.ContextBeans;
import org.energyweb.remote.BreakerBoard;
import org.energyweb.remote.BreakerSettings;

/**
 * The circuit-breaker options of every endpoint that talks to a remote: a node, an IPFS API, a meter.
 * Option groups that talk to a remote extend it, so Camel's generated configurers (one level of
 * nested option groups) reach these options too.
 */
@UriParams
public class BreakerOptions {

    /** The name of each CamelContext's {@link BreakerBoard} in its registry. */
    public static final String BOARD = "energywebBreakerBoard";

    @UriParam(label = "advanced", defaultValue = "5", description = "Consecutive calls that find the remote unreachable (no"
            + " connection, no answer, link lost) before its circuit opens: calls then fail at once without touching the network"
            + " (a meter is not polled, and the fault that opened its circuit says so) until breakerOpenDuration has passed"
            + " and a trial call gets through")
    private int breakerFailureThreshold = BreakerSettings.DEFAULT_FAILURE_THRESHOLD;

    @UriParam(label = "advanced", defaultValue = "10000", description = "Milliseconds an open circuit fails calls at once (leaves"
            + " a meter alone) before it lets one trial call through; the circuit closes when that call succeeds")
    private long breakerOpenDuration = BreakerSettings.DEFAULT_OPEN_MILLIS;

    /**
     * The settings of a breaker of {@code context}'s gateway, which its breaker gauge shows; fails with the option's name for a
     * value out of range.
     */
    public BreakerSettings breakerSettings(CamelContext context) {
        return BreakerSettings.of(breakerFailureThreshold, breakerOpenDuration).on(board(context));
    }

    /**
     * The breakers of {@code context}'s gateway; their gauges go to the registry Camel's metrics use (bound as
     * {@value MicrometerConstants#METRICS_REGISTRY_NAME} before the routes start), none without one.
     */
    public static BreakerBoard board(CamelContext context) {
        return ContextBeans.computeIfAbsent(context, BOARD, BreakerBoard.class, () -> new BreakerBoard(
                context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class)));
    }

    public int getBreakerFailureThreshold() {
        return breakerFailureThreshold;
    }

    public void setBreakerFailureThreshold(int breakerFailureThreshold) {
        this.breakerFailureThreshold = breakerFailureThreshold;
    }

    public long getBreakerOpenDuration() {
        return breakerOpenDuration;
    }

    public void setBreakerOpenDuration(long breakerOpenDuration) {
        this.breakerOpenDuration = breakerOpenDuration;
    }
}
