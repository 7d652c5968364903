package org.energyweb.chain.tx;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The thread of an anchorer that works from an outbox (the ledger's batches, the log's kept checkpoints): it takes a
 * step at every tick or wake-up; a step that fails is taken again after a pause, its failure logged once until a step
 * succeeds again. Each step records what it did before the next, so taking one again is safe.
 */
public final class AnchoringWorker implements AutoCloseable {

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String what;
    private final Runnable step;
    private final Duration tick;
    private final Logger log;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private boolean failing;

    /**
     * @param what what the worker does, for its thread name and logs ("Merkle anchoring")
     * @param step one pass over the outbox
     */
    public AnchoringWorker(String what, Runnable step, Duration tick, Logger log) {
        this.what = what;
        this.step = step;
        this.tick = tick;
        this.log = log;
        this.thread = new Thread(this::work, "energyweb-" + what.toLowerCase().replace(' ', '-'));
        this.thread.setDaemon(true);
    }

    public AnchoringWorker start() {
        thread.start();
        return this;
    }

    /** Takes the next step without waiting for the tick. */
    public void wakeUp() {
        wake.release();
    }

    public boolean running() {
        return running;
    }

    private void work() {
        while (running) {
            try {
                step.run();
                if (failing) {
                    failing = false;
                    log.info("{} works again", what);
                }
                wake.tryAcquire(tick.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The step is recorded or not; either way it is taken again from the outbox after a pause.
                if (!failing) {
                    log.warn("{} failed, retried every {}: {}", what, RETRY, e.getMessage());
                    failing = true;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the step under way. Woken rather than interrupted: an interrupt would break a write half way. */
    @Override
    public void close() {
        running = false;
        wake.release();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
