package org.energyweb.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** SIGKILL of a writing JVM at random moments never loses an acknowledged reading nor breaks a chain. */
class LedgerCrashTest {

    private static final int KILLS = 6;
    private static final int METERS = 4;
    /** Acknowledgements each writer gives before its kill is timed, so a slow JVM start cannot make a run empty. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 10;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedReadingSurvivesRepeatedSigkill() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        Set<String> acknowledged = new HashSet<>();
        for (int kill = 0; kill < KILLS; kill++) {
            acknowledged.addAll(runAndKill(300 + random.nextInt(1200)));
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * ACKNOWLEDGED_BEFORE_KILL);

        VerifyReport report = LedgerVerifier.verify(data);
        assertThat(report.problems()).isEmpty();
        Set<String> stored = new HashSet<>();
        try (Ledger ledger = Ledger.open(data)) {
            ledger.forEachByMeter(entry -> stored.add(entry.meter() + " " + entry.seq() + " " + entry.document().sha256Hex()));
        }
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertThat(lost).as("acknowledged but not in the ledger after the crashes").isEmpty();
    }

    /** Starts a writer, lets it run, SIGKILLs it and returns the appends it acknowledged. */
    private List<String> runAndKill(long runMillis) throws IOException, InterruptedException {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), data.toString(), Integer.toString(METERS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> acknowledged = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    // A line cut by the kill has no complete hash and was never an acknowledgement.
                    if (line.matches("crash-\\d+ \\d+ [0-9a-f]{64}")) {
                        synchronized (acknowledged) {
                            acknowledged.add(line);
                        }
                        started.countDown();
                    }
                }
            } catch (IOException ignored) {
                // The pipe breaks when the process dies; what was read is what was acknowledged.
            }
        });
        reader.start();
        assertThat(started.await(5, TimeUnit.MINUTES)).as("the writer acknowledged its first appends").isTrue();
        // The kill's moment is what this test varies: a random time into the writing.
        Thread.sleep(runMillis);
        writer.destroyForcibly();
        assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        synchronized (acknowledged) {
            return new ArrayList<>(acknowledged);
        }
    }
}
