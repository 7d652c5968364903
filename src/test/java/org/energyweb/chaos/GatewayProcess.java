package org.energyweb.chaos;

import org.energyweb.cli.EnergywebCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The gateway ({@code java -jar target/energyweb.jar run ...}, or the same main class on the test's
 * classpath) as a child process of the test, its output in a log file: started, killed with SIGKILL
 * or stopped with SIGTERM like in production.
 */
public final class GatewayProcess {

    public static final Path PROJECT = Path.of(System.getProperty("energyweb.project.dir", ".")).toAbsolutePath();
    static final Path JAR = PROJECT.resolve("target/energyweb.jar");

    private final Process process;
    private final Path log;
    private final long logged;

    private GatewayProcess(Process process, Path log, long logged) {
        this.process = process;
        this.log = log;
        this.logged = logged;
    }

    /** Runs {@code energyweb ARGS} from the packaged jar and returns at once. */
    static GatewayProcess launch(Path log, String... arguments) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the chaos tests run after `mvn package` (mvn -B verify)");
        }
        return start(log, List.of("-jar", JAR.toString()), arguments);
    }

    /**
     * Runs {@code energyweb ARGS} from the test's own classpath (the compiled classes, before any
     * jar is packaged) and returns at once: the same main class in its own JVM.
     */
    public static GatewayProcess launchFromClasses(Path log, String... arguments) {
        return start(log, List.of("-cp", System.getProperty("java.class.path"), EnergywebCommand.class.getName()), arguments);
    }

    private static GatewayProcess start(Path log, List<String> javaArguments, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // any free management port: gateways of other tests on the machine may hold the default one
                "-Dcamel.management.port=0"));
        command.addAll(javaArguments);
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(log.getParent());
            long logged = size(log);
            Process process = new ProcessBuilder(command).directory(PROJECT.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new GatewayProcess(process, log, logged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Waits until {@code ready} holds while the process runs (its routes show an effect, e.g. readings
     * being ledgered); fails with the process's output if it ends or {@code within} passes first.
     */
    public GatewayProcess awaitReady(BooleanSupplier ready, Duration within) {
        return awaitReady(ready, () -> 0, within);
    }

    /**
     * Waits until {@code ready} holds while the process runs and {@code progress} keeps growing: it
     * fails only if the process ends or {@code progress} stays the same for {@code stalled}, so a
     * slow machine gets the time it needs while a stuck gateway is still caught.
     */
    public GatewayProcess awaitReady(BooleanSupplier ready, LongSupplier progress, Duration stalled) {
        long seen = progress.getAsLong();
        long deadline = System.nanoTime() + stalled.toNanos();
        while (!ready.getAsBoolean()) {
            long now = progress.getAsLong();
            if (now != seen) {
                seen = now;
                deadline = System.nanoTime() + stalled.toNanos();
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("the gateway did not get there, with no progress for " + stalled + "; its output:\n"
                        + output(logged));
            }
            sleep(Duration.ofMillis(100));
        }
        return this;
    }

    /** The management port's base URL the gateway printed when it started ({@code http://127.0.0.1:PORT}). */
    String managementUrl(Duration within) {
        java.util.regex.Pattern printed = java.util.regex.Pattern.compile("management: (https?://[^/\\s]+)/");
        String[] found = new String[1];
        awaitReady(() -> {
            java.util.regex.Matcher matcher = printed.matcher(output());
            if (matcher.find()) {
                found[0] = matcher.group(1);
            }
            return found[0] != null;
        }, within);
        return found[0];
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /**
     * SIGTERM, as an operator or a service manager stops it; the exit code, or null if it did not
     * end within a minute (it is then killed).
     */
    public Integer stop() {
        return stopWith("TERM");
    }

    /** Sends {@code signal} (TERM, INT for Ctrl-C, HUP) and returns the exit code as {@link #stop} does. */
    public Integer stopWith(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -s " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the gateway", e);
        }
        Integer exit = awaitExit(Duration.ofSeconds(60));
        if (exit == null) {
            kill();
        }
        return exit;
    }

    /** The exit code once the process has ended by itself within {@code timeout}, else null. */
    Integer awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gateway", e);
        }
    }

    /** What this process wrote (the log file may hold earlier runs too). */
    public String output() {
        return output(logged);
    }

    private String output(long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
