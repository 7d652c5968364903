package org.energyweb.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * SIGTERM, SIGINT (Ctrl-C) and SIGHUP as a request to stop, handled by the command itself.
 *
 * <p>Left to the JVM, these signals run the shutdown hooks and then halt with 143 (130, 129),
 * whether or not the main thread has finished closing the ledger: the routes stopped, but the
 * ledger's last commits stayed in the WAL and the data folder's lock was dropped by the halt, not
 * released. Handled here, the first signal only asks the command to stop; its main thread drains,
 * closes the ledger and exits 0 like {@code --max-duration}. The JVM's own handling is restored at
 * once, so a second signal stops the process without waiting (what an impatient Ctrl-C means).
 */
final class StopSignals implements AutoCloseable {

    private static final String[] NAMES = {"TERM", "INT", "HUP"};

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicBoolean received = new AtomicBoolean();
    private volatile String signal;

    private StopSignals() {
    }

    /** Calls {@code stop} with the signal's name (e.g. "SIGTERM") on the first stop signal, on the JVM's signal thread. */
    static StopSignals onStop(Consumer<String> stop) {
        StopSignals signals = new StopSignals();
        // Held while registering, so a signal arriving meanwhile restores every handler already replaced.
        synchronized (signals) {
            for (String name : NAMES) {
                try {
                    Signal signal = new Signal(name);
                    signals.previous.put(signal, Signal.handle(signal, s -> signals.received(s, stop)));
                } catch (IllegalArgumentException notHandled) {
                    // Ignored at start (nohup for HUP) or reserved (-Xrs): the JVM keeps its own handling of that signal.
                }
            }
        }
        return signals;
    }

    /** True once a stop signal was received. */
    boolean received() {
        return received.get();
    }

    /** The name of the signal received ("SIGTERM"), or null. */
    String signal() {
        return signal;
    }

    private void received(Signal received, Consumer<String> stop) {
        if (this.received.compareAndSet(false, true)) {
            signal = "SIG" + received.getName();
            close();
            stop.accept(signal);
        }
    }

    /** Gives the signals back to the JVM's handling. */
    @Override
    public synchronized void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
