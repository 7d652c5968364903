package org.energyweb.peers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real peer (anvil, js-ipfs, a Modbus server...) started as a child process on a free loopback
 * port by a test or the demo, and stopped by it. Its output goes to {@code LOGDIR/NAME-PORT.log}
 * (default {@code target/peers}) so a failure can be diagnosed.
 */
public final class PeerProcess implements AutoCloseable {

    private static final Optional<Path> SETPRIV = onPath("setpriv");
    private static final List<String> PARENT_DEATH_SIGNAL = List.of("--pdeathsig", "TERM");
    /** The thread every child is started on: the kernel's parent-death signal follows the starting thread. */
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "energyweb-process-launcher");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private PeerProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * The folder holding the project's npm-installed peers (package.json, node_modules): the
     * {@code energyweb.peers.dir} property, else {@code src/test/peers} of the project the launcher
     * runs from ({@code energyweb.home}), else of the working folder.
     */
    public static Path peersDir() {
        String configured = System.getProperty("energyweb.peers.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("energyweb.home", "."), "src", "test", "peers").toAbsolutePath();
    }

    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Starts {@code command} and waits until it accepts TCP connections on 127.0.0.1:{@code port}. */
    public static PeerProcess start(String name, int port, List<String> command, Path workDir, Duration readyWithin) {
        return start(name, port, command, workDir, readyWithin, Path.of("target", "peers"));
    }

    /** As {@link #start(String, int, List, Path, Duration)}, logging into {@code logDir}. */
    public static PeerProcess start(String name, int port, List<String> command, Path workDir, Duration readyWithin, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.toAbsolutePath().resolve(name + "-" + port + ".log");
            Process process = launch(new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile()));
            PeerProcess peer = new PeerProcess(name, port, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(peer::close));
            peer.awaitListening(readyWithin);
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /**
     * Starts {@code builder}'s process so that it ends when this JVM dies, however it dies: a SIGKILL
     * runs no shutdown hook, and the children (a broker, a database, a chain...) would keep running
     * and holding their ports and folders. Where util-linux's {@code setpriv} is installed (Linux), the
     * command is started through {@code setpriv --pdeathsig TERM}, which has the kernel send it SIGTERM
     * when its parent dies and then runs the command in its place (the same process: signals and
     * {@link Process} reach the command itself). The kernel sends the signal when the thread that
     * started the child ends, not the process, so every child is started on one thread that lives as
     * long as the JVM. A command that is itself a {@code setpriv} gets the option added to it: a
     * second {@code setpriv} changing the user would clear the setting. Without {@code setpriv} the
     * command is started as it is. {@code builder}'s command is changed accordingly.
     */
    public static Process launch(ProcessBuilder builder) throws IOException {
        builder.command(endingWithParent(builder.command()));
        try {
            return LAUNCHER.submit(builder::start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("cannot start " + builder.command() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + builder.command(), e);
        }
    }

    private static List<String> endingWithParent(List<String> command) {
        if (SETPRIV.isEmpty()) {
            return command;
        }
        List<String> tied = new ArrayList<>();
        if (command.get(0).equals("setpriv") || command.get(0).equals(SETPRIV.get().toString())) {
            tied.add(command.get(0));
            tied.addAll(PARENT_DEATH_SIGNAL);
            tied.addAll(command.subList(1, command.size()));
        } else {
            tied.add(SETPRIV.get().toString());
            tied.addAll(PARENT_DEATH_SIGNAL);
            tied.add("--");
            tied.addAll(command);
        }
        return tied;
    }

    private static Optional<Path> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Runs a one-off command (a peer's setup step: formatting a folder, creating a cluster) to its end,
     * its output in {@code log}; fails with that output unless it exits with 0 within {@code within}.
     */
    public static void runToCompletion(String what, List<String> command, Path workDir, Path log, Duration within) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " failed: " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + what + ": " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
    }

    private void awaitListening(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before listening; see " + log);
            }
            if (isListening()) {
                return;
            }
            sleep(50);
        }
        close();
        throw new IllegalStateException(name + " did not listen on 127.0.0.1:" + port + " within " + within + "; see " + log);
    }

    public boolean isListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /**
     * Sends a signal by name ({@code STOP}, {@code CONT}, {@code INT}...), which {@link Process} cannot:
     * the chaos tests pause a process past a timeout and resume it, and some peers stop cleanly only on SIGINT.
     */
    public void signal(String name) {
        signal(process, name);
    }

    /** As {@link #signal(String)}, for any process this JVM started. */
    public static void signal(Process process, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling process " + process.pid(), e);
        }
    }

    /** Waits up to {@code timeout} for the process to end; true when it has. */
    public boolean awaitExit(Duration timeout) {
        return waitFor(timeout);
    }

    /** SIGKILL, as a crash would; for tests of what survives it. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(5))) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a peer", e);
        }
    }
}
