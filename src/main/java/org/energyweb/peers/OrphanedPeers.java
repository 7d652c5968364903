package org.energyweb.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The peer processes (anvil, js-ipfs) a process started, written to a file in its data folder, so
 * that after a SIGKILL (which gives no chance to stop them) the next start on that folder reaps
 * them. A recorded process is killed only while its start time and command line are still the
 * recorded ones: a PID that the system has meanwhile given to an unrelated process is left alone.
 */
public final class OrphanedPeers {

    private OrphanedPeers() {
    }

    /** Writes this process's live children, one {@code PID<TAB>identity} per line. */
    public static void record(Path file) {
        List<String> lines = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .flatMap(child -> identity(child).map(identity -> child.pid() + "\t" + identity).stream())
                .toList();
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the peer processes in " + file, e);
        }
    }

    /** How long an orphan gets to exit after SIGTERM (anvil writes its whole chain state then) before SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /**
     * Stops each process recorded in {@code file} that is still the recorded one, the way an operator
     * would: SIGTERM, and SIGKILL only if it has not exited after {@link #GRACE}. A SIGKILL would
     * keep anvil from writing its state file, and the next chain would lack every transaction since
     * it was started. Returns how many were stopped.
     */
    public static int reap(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        int reaped = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(line.substring(0, tab)));
                String identity = line.substring(tab + 1);
                if (process.isPresent() && identity(process.get()).filter(identity::equals).isPresent()) {
                    stop(process.get());
                    reaped++;
                }
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the peer processes recorded in " + file, e);
        }
        return reaped;
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Start time and command line: together they tell a process from a later one with the same PID. */
    private static Optional<String> identity(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.startInstant().flatMap(started -> info.commandLine().map(command -> started + "\t" + command));
    }
}
