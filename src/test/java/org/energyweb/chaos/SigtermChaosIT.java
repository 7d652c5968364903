package org.energyweb.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway process stopped with SIGTERM again and again while meters are read fast, as a service
 * manager restarting it would: each stop must exit 0 and leave every acknowledged reading in
 * {@code ledger.db} itself, none only in the WAL.
 */
@Tag("chaos")
class SigtermChaosIT {

    private static final int STOPS = 10;

    @TempDir
    Path root;

    @Test
    void stoppingTheGatewayWithSigtermTenTimesExitsZeroAndKeepsEveryAcknowledgedReadingInTheDatabaseFile() throws IOException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, String> acknowledged = new HashMap<>();
        try (ChaosRig rig = ChaosRig.start(root, 6, Duration.ofMillis(50))) {
            for (int stop = 1; stop <= STOPS; stop++) {
                GatewayProcess gateway = rig.startGateway();
                long target = rig.readings() + 20 + random.nextInt(200);
                gateway.awaitReady(() -> rig.readings() >= target, Duration.ofSeconds(120));
                // Committed while it runs, read beside it: acknowledged to the meters' route.
                Map<String, Long> committed = rig.readingsByMeter();

                Integer exit = gateway.stop();

                assertThat(exit).as("exit code of stop %d (seed %d); the gateway said:%n%s", stop, seed, gateway.output()).isZero();
                Path wal = rig.data.resolve("ledger.db-wal");
                assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("stop %d leaves no reading in the WAL", stop).isTrue();
                Map<String, String> inDatabaseFile = ChaosAudit.acknowledged(databaseFileAlone(rig, stop));
                assertThat(inDatabaseFile).as("ledger.db alone, copied after stop %d, is the whole ledger", stop)
                        .isEqualTo(ChaosAudit.acknowledged(rig));
                Map<String, Long> kept = readingsByMeter(inDatabaseFile);
                String committedBefore = "readings committed before stop " + stop + " of ";
                committed.forEach((meter, readings) ->
                        assertThat(kept.getOrDefault(meter, 0L)).as(committedBefore + meter).isGreaterThanOrEqualTo(readings));
                assertThat(inDatabaseFile).as("after stop %d every reading acknowledged before is still there, unchanged", stop)
                        .containsAllEntriesOf(acknowledged);
                acknowledged.putAll(inDatabaseFile);
            }
            rig.drain(Duration.ofMinutes(3));

            ChaosAudit.Counts counts = ChaosAudit.check(rig, acknowledged, Map.of());
            System.out.println(counts.summary("sigterm x" + STOPS) + " seed=" + seed);
        }
    }

    /** Readings per meter among (meter#seq, SHA-256) pairs. */
    private static Map<String, Long> readingsByMeter(Map<String, String> readings) {
        return readings.keySet().stream().collect(Collectors.groupingBy(key -> key.substring(0, key.lastIndexOf('#')), Collectors.counting()));
    }

    /** A data folder holding only a copy of the rig's {@code ledger.db}, as a file backup takes it. */
    private Path databaseFileAlone(ChaosRig rig, int stop) throws IOException {
        Path copy = Files.createDirectories(root.resolve("backup-" + stop));
        Files.copy(rig.data.resolve("ledger.db"), copy.resolve("ledger.db"));
        return copy;
    }
}
