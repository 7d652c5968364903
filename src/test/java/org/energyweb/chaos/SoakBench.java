package org.energyweb.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Soak: the real gateway (full-gateway route: ledger, IPFS and Origin hops) against anvil and js-ipfs
 * for a configurable time and rate, printing every interval the readings/s, the IPFS and chain
 * backlog and the gateway's resident memory, so a leak or a growing backlog shows. Asserts nothing.
 * Needs the jar: {@code mvn package -DskipTests}, then
 * {@code mvn -Pbench test -Dtest=SoakBench -Dsoak.minutes=60 -Dsoak.meters=100 -Dsoak.periodMs=100}
 * (100 meters every 100 ms = 1,000 readings/s).
 */
@Tag("bench")
class SoakBench {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    @TempDir
    Path root;

    @Test
    void backlogAndMemoryStayFlatUnderSustainedLoad() throws IOException {
        Duration duration = Duration.ofMinutes(Long.getLong("soak.minutes", 2));
        int meters = Integer.getInteger("soak.meters", 20);
        Duration period = Duration.ofMillis(Long.getLong("soak.periodMs", 100));
        System.out.printf("%nsoak: %d meters every %d ms (%.0f readings/s offered) for %s%n", meters, period.toMillis(),
                meters * 1000.0 / period.toMillis(), duration);
        System.out.printf("%8s %10s %12s %14s %15s %8s%n", "t (s)", "readings", "readings/s", "IPFS backlog", "chain backlog", "RSS MB");
        try (ChaosRig rig = ChaosRig.start(root, meters, period)) {
            GatewayProcess gateway = rig.startGateway();
            try {
                long start = System.nanoTime();
                long lastReadings = rig.readings();
                long lastTime = start;
                while (System.nanoTime() - start < duration.toNanos()) {
                    GatewayProcess.sleep(REPORT_EVERY);
                    long now = System.nanoTime();
                    long readings = rig.readings();
                    System.out.printf("%8d %10d %12.0f %14d %15d %8d%n", (now - start) / 1_000_000_000L, readings,
                            (readings - lastReadings) * 1e9 / (now - lastTime), readings - rig.storedOnIpfs(),
                            readings - rig.confirmed(), rssMb(gateway.pid()));
                    lastReadings = readings;
                    lastTime = now;
                }
            } finally {
                gateway.stop();
            }
        }
        // What went wrong, if anything: the gateway's warnings and errors, last ones first to matter.
        try (var lines = Files.lines(root.resolve("gateway.log"))) {
            lines.filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).limit(20).forEach(System.out::println);
        }
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
