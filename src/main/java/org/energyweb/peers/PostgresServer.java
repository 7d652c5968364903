package org.energyweb.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (the system's binaries, Debian's {@code postgresql} package by default)
 * with a fresh cluster in a temporary folder, listening on a free loopback port and on a unix socket
 * in that folder, for tests and the demo. PostgreSQL refuses to run as root: when this JVM is root,
 * the cluster belongs to the {@code postgres} system user and the server runs as that user.
 * {@link #stop()} then {@link #start()} keeps the data; {@link #close()} also deletes the folder.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "energyweb";
    public static final String DATABASE = "energyweb";
    private static final String SYSTEM_USER = "postgres";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Path bin;
    private final Path home;
    private final int port;
    private PeerProcess process;

    private PostgresServer(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.port = port;
    }

    /** Creates a cluster (initdb) in a new temporary folder and starts a server on it, with a database {@value #DATABASE}. */
    public static PostgresServer create() {
        try {
            Path home = Files.createTempDirectory("energyweb-postgres-");
            PostgresServer server = new PostgresServer(binaries(), home, PeerProcess.freeLoopbackPort());
            if (isRoot()) {
                server.giveToSystemUser(home);
            }
            server.initdb();
            server.start();
            server.createDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for PostgreSQL", e);
        }
    }

    /** True when PostgreSQL's server binaries are installed (see {@link #binaries()}). */
    public static boolean isInstalled() {
        return findBinaries().isPresent();
    }

    /** JDBC URL of the {@value #DATABASE} database, user {@value #USER} (trusted on loopback: no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
    }

    public int port() {
        return port;
    }

    /** Starts the server on the existing cluster and waits until it accepts connections. */
    public void start() {
        List<String> command = asServerUser(bin.resolve("postgres").toString(), "-D", data().toString(),
                "-p", String.valueOf(port), "-k", home.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "max_connections=60", "-c", "shared_buffers=64MB");
        process = PeerProcess.start("postgres", port, command, home, READY_WITHIN);
        awaitConnections("postgres");
    }

    /** Fast shutdown (SIGINT): open sessions are ended, committed transactions stay. */
    public void stop() {
        if (process == null) {
            return;
        }
        if (process.process().isAlive()) {
            process.signal("INT");
            if (!process.awaitExit(Duration.ofSeconds(30))) {
                process.kill();
            }
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        delete(home);
    }

    private void initdb() {
        List<String> command = asServerUser(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER,
                "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
        PeerProcess.runToCompletion("initdb", command, home, home.resolve("initdb.log"), READY_WITHIN);
    }

    private void createDatabase() {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /** The port opens while the server still answers "the database system is starting up": connect until it lets us in. */
    private void awaitConnections(String database) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url(database))) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline || !process.process().isAlive()) {
                    throw new IllegalStateException("PostgreSQL not ready on port " + port + "; see " + process.log(), notYet);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
                }
            }
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    private Path data() {
        return home.resolve("data");
    }

    /** setpriv execs the server in place (no intermediate process), so a signal sent to the child reaches PostgreSQL itself. */
    private static List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + SYSTEM_USER, "--regid=" + SYSTEM_USER, "--clear-groups", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private void giveToSystemUser(Path folder) throws IOException {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(SYSTEM_USER));
        view.setGroup(users.lookupPrincipalByGroupName(SYSTEM_USER));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * The folder holding initdb and postgres: the {@code energyweb.postgres.bin} property, else the
     * newest {@code /usr/lib/postgresql/VERSION/bin} (Debian's layout).
     */
    public static Path binaries() {
        return findBinaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed: apt-get install postgresql, or set -Denergyweb.postgres.bin=FOLDER"));
    }

    private static Optional<Path> findBinaries() {
        String configured = System.getProperty("energyweb.postgres.bin");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(folder -> Files.isExecutable(folder.resolve("postgres")));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(folder -> Files.isExecutable(folder.resolve("postgres")))
                    .max(Comparator.comparingInt(PostgresServer::majorVersion));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + debian, e);
        }
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
