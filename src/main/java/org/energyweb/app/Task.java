package org.energyweb.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A unit of periodic work, as in the original framework: {@link #prepare} once, {@link #main} on
 * every interval, {@link #finish} once at the end, {@link #onException} when main throws. An eager
 * task runs main at once and then waits; a non-eager one waits first. On Camel each task is a timer
 * route of its own, so one that blocks or throws never holds up the others.
 */
public abstract class Task {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final Duration interval;
    private final boolean eager;
    private final boolean runOnce;

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
