package org.energyweb.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long the packaged gateway takes from JVM start to its first committed reading, and its
 * resident memory then and after a while. Needs {@code mvn package} first. Prints, asserts nothing.
 */
@Tag("bench")
class StartupBench {

    @TempDir
    Path dir;

    @Test
    void timeToFirstLedgeredReadingAndResidentMemory() throws Exception {
        Path project = Path.of(System.getProperty("energyweb.project.dir", ".")).toAbsolutePath();
        Path jar = project.resolve("target/energyweb.jar");
        if (!Files.exists(jar)) {
            System.out.println("startup: build the jar first (mvn package)");
            return;
        }
        Path data = dir.resolve("data");
        long start = System.nanoTime();
        Process gateway = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcamel.management.port=0", "-jar", jar.toString(), "run", "--data", data.toString(), "--max-duration", "20s"))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("gateway.log").toFile())
                .start();
        try {
            while (readings(data) == 0) {
                if (!gateway.isAlive()) {
                    System.out.println("startup: the gateway exited; see " + dir.resolve("gateway.log"));
                    return;
                }
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%nstartup: first ledgered reading %.2f s after JVM start, RSS %d MB%n", seconds, rssMb(gateway.pid()));
            Thread.sleep(5_000);
            System.out.printf("startup: after 5 s of running, %d readings, RSS %d MB%n", readings(data), rssMb(gateway.pid()));
        } finally {
            gateway.destroy();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long readings(Path data) {
        if (!Files.exists(data.resolve("ledger.db"))) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("ledger.db"));
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM reading")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static long rssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
