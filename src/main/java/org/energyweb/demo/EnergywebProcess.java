package org.energyweb.demo;

import org.energyweb.peers.PeerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code energyweb} command (a gateway's {@code run}, an {@code anchor-service} worker) as a child
 * JVM of the demo, with this JVM's classpath (the launcher's lib/, or a test's classpath), its output
 * in a log file. Stopped with SIGTERM, as a service manager does, so it shuts down cleanly.
 */
final class EnergywebProcess implements AutoCloseable {

    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private EnergywebProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static EnergywebProcess start(String name, List<String> arguments, Path logDir) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC"));
        String home = System.getProperty("energyweb.home");
        if (home != null) {
            command.add("-Denergyweb.home=" + home);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.energyweb.cli.EnergywebCommand"));
        command.addAll(arguments);
        try {
            Path log = Files.createDirectories(logDir).resolve(name + ".log");
            // a demo killed with SIGKILL takes its gateways and workers with it
            Process process = PeerProcess.launch(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())));
            return new EnergywebProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM and the wait for a clean exit; SIGKILL only if it does not come. Returns the exit code. */
    int stop() {
        if (process.isAlive()) {
            PeerProcess.signal(process, "TERM");
        }
        try {
            if (!process.waitFor(STOP_WITHIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
