package org.energyweb.cli;

import org.energyweb.chaos.GatewayProcess;
import org.energyweb.ledger.LedgerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code energyweb run} and {@code demo} in their own JVM, stopped by a signal as an operator, a
 * service manager or Ctrl-C stops them: each must drain, leave the whole ledger in
 * {@code ledger.db} (nothing only in the WAL) and exit 0.
 */
class StopBySignalTest {

    private static final int METERS = 3;

    @TempDir
    Path root;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void aStoppedGatewayKeepsEveryAcknowledgedReadingInTheDatabaseFileAndExitsZero(String signal) throws Exception {
        Path data = root.resolve("data");
        Path config = root.resolve("gateway.properties");
        Files.writeString(config, """
                energyweb.simulator.meters = %d
                energyweb.simulator.period = 20
                energyweb.simulator.profile = household
                """.formatted(METERS));
        GatewayProcess gateway = GatewayProcess.launchFromClasses(root.resolve("gateway.log"), "run",
                "--routes", GatewayProcess.PROJECT.resolve("routes/gateway.camel.yaml").toString(),
                "--config", config.toString(), "--data", data.toString());

        stopAndCheck(gateway, signal, data);
    }

    @Test
    void aStoppedDemoKeepsEveryAcknowledgedReadingInTheDatabaseFileAndExitsZero() throws Exception {
        Path data = root.resolve("data");
        GatewayProcess demo = GatewayProcess.launchFromClasses(root.resolve("demo.log"), "demo", "--no-chain",
                "--meters", Integer.toString(METERS), "--period", "20ms", "--duration", "10m", "--data", data.toString());

        stopAndCheck(demo, "TERM", data);

        assertThat(demo.output()).contains("stopped by SIGTERM");
    }

    /**
     * Waits until every meter has readings committed, stops the process with {@code signal}, then
     * checks what {@code ledger.db} alone holds.
     */
    private static void stopAndCheck(GatewayProcess process, String signal, Path data) throws Exception {
        // Readings committed while it runs, read beside it: each was acknowledged to its source.
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        process.awaitReady(() -> {
            acknowledged.clear();
            // Until the process has opened the ledger in WAL mode, a reader cannot open it.
            if (Files.exists(data.resolve("ledger.db-shm"))) {
                acknowledged.putAll(readingsByMeter(data));
            }
            return acknowledged.size() == METERS && acknowledged.values().stream().allMatch(readings -> readings >= 20);
        }, Duration.ofSeconds(120));

        Integer exit = process.stopWith(signal);

        assertThat(exit).as("exit code after SIG%s; the process said:%n%s", signal, process.output()).isZero();
        // Whatever is left beside ledger.db is lost, as after a backup of that file alone.
        Files.deleteIfExists(data.resolve("ledger.db-wal"));
        Files.deleteIfExists(data.resolve("ledger.db-shm"));
        CliTestSupport.Result verify = CliTestSupport.run("verify", "--data", data.toString());
        assertThat(verify.exitCode()).as("verify said %s%s", verify.out(), verify.err()).isZero();
        Map<String, Long> kept = readingsByMeter(data);
        assertThat(kept.keySet()).as("meters in ledger.db alone").isEqualTo(acknowledged.keySet());
        acknowledged.forEach((meter, readings) -> assertThat(kept.get(meter)).as(meter).isGreaterThanOrEqualTo(readings));
    }

    /** Readings per meter, read without taking the data folder's lock. */
    private static Map<String, Long> readingsByMeter(Path data) {
        Map<String, Long> readings = new LinkedHashMap<>();
        LedgerStatus.read(data).meters().forEach((meter, counts) -> readings.put(meter, counts.readings()));
        return readings;
    }
}
