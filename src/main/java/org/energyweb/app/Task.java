package org.energyweb.app;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A unit of periodic work, as in the original framework: {@link #prepare} once, {@link #main} on
 * every interval, {@link #finish} once at the end, {@link #onException} when main throws. An eager
 * task runs main at once and then waits; a non-eager one waits first.
 *
 * <p>On Camel a task is a {@link Processor} and a Camel service: Camel starts it ({@link #prepare})
 * with the route that uses it and stops it ({@link #finish}) with that route. The {@code task:}
 * endpoint runs it on its own interval ({@code from: task:myTask} in a YAML route of the gateway,
 * {@code myTask} a bean), each task on a thread of its own, so one that blocks or throws never holds
 * up the others; the route's next steps get what {@link #main(Duration, Exchange)} puts in the body.
 * Inside a gateway the task reaches the gateway's ledger and components through
 * {@link #getCamelContext()}. {@link App} runs its tasks the same way, in a context of its own.
 */
public abstract class Task extends ServiceSupport implements Processor, CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final Duration interval;
    private final boolean eager;
    private final boolean runOnce;
    private CamelContext camelContext;

    protected Task(LifeCycle interval, boolean eager) {
        this(interval.duration(), eager, false);
    }

    /**
     * @param runOnce run main a single time (after the interval, or at once when eager)
     */
    protected Task(Duration interval, boolean eager, boolean runOnce) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a task's interval must be positive: " + interval);
        }
        this.interval = interval;
        this.eager = eager;
        this.runOnce = runOnce;
    }

    /** Called once before the first run. */
    protected void prepare() throws Exception {
    }

    /** The task's work, called every interval. */
    protected abstract void main(Duration interval) throws Exception;

    /**
     * One run inside a route: {@link #main(Duration)}. A task whose result the route's next steps take
     * (a reading for the ledger, say) overrides this and sets the exchange's body.
     */
    protected void main(Duration interval, Exchange exchange) throws Exception {
        main(interval);
    }

    /**
     * Runs the task once. A failure goes to {@link #onException} and ends this run (the route's next
     * steps are skipped); the task keeps its schedule, as in the original.
     */
    @Override
    public void process(Exchange exchange) {
        try {
            main(interval, exchange);
        } catch (Exception e) {
            onException(e);
            exchange.setRouteStop(true);
        }
    }

    @Override
    protected void doStart() throws Exception {
        prepare();
    }

    @Override
    protected void doStop() throws Exception {
        finish();
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** Called once after the last run, when the app stops. */
    protected void finish() throws Exception {
    }

    /** Called when main throws; the task keeps its schedule. */
    protected void onException(Exception e) {
        LOG.warn("task {} failed: {}", getClass().getSimpleName(), e.toString());
    }

    public Duration interval() {
        return interval;
    }

    public boolean eager() {
        return eager;
    }

    public boolean runOnce() {
        return runOnce;
    }
}
