package org.energyweb.tlog;

import org.energyweb.ledger.Ledger;
import org.energyweb.proof.MerkleConsistency;
import org.energyweb.proof.MerkleProofs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL of a process appending to the ledger and signing checkpoints of its log, at moments when
 * both are busy: after each kill the reopened log's tiles match the ledger, and its next checkpoint is
 * consistent with every checkpoint signed before the kill.
 */
class LedgerLogCrashTest {

    private static final int KILLS = 4;

    @TempDir
    Path data;

    @Test
    void afterEachSigkillTheLogMatchesTheLedgerAndItsNextCheckpointIsConsistentWithTheLastSigned() throws Exception {
        List<Checkpoint> signed = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            signed.addAll(runUntilBusyThenKill(2000 * (kill + 1)));

            try (Ledger ledger = Ledger.open(data); LedgerLog log = LedgerLog.open(ledger)) {
                Checkpoint next = Checkpoint.parse(log.checkpoint(LedgerLogTest.KEY).text());

                assertThat(next.size()).isEqualTo(ledger.after(0, Integer.MAX_VALUE).size());
                assertThat(next.root()).isEqualTo(LedgerDigests.treeOf(ledger).root());
                for (Checkpoint before : signed) {
                    assertThat(MerkleConsistency.verify(before.size(), next.size(), before.root(), next.root(),
                            MerkleProofs.consistencyProof(log.tiles(), before.size(), next.size())))
                            .as("checkpoint %d before kill %d is consistent with %d after it", before.size(), kill, next.size()).isTrue();
                }
            }
        }
        assertThat(signed).hasSizeGreaterThanOrEqualTo(KILLS);
    }

    /** Runs the writer until it acknowledged {@code acks} readings and signed a checkpoint after that, then SIGKILLs it. */
    private List<Checkpoint> runUntilBusyThenKill(int acks) throws IOException, InterruptedException {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoggingCrashWriter.class.getName(), data.toString(), "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Checkpoint> checkpoints = new ArrayList<>();
        int acknowledged = 0;
        boolean signedAfterAcks = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; !signedAfterAcks && (line = lines.readLine()) != null; ) {
                if (line.equals("ack")) {
                    acknowledged++;
                } else if (line.startsWith("checkpoint ")) {
                    String note = new String(Base64.getDecoder().decode(line.substring(11)), StandardCharsets.UTF_8);
                    checkpoints.add(Checkpoint.parse(SignedNote.parse(note).text()));
                    signedAfterAcks = acknowledged >= acks;
                }
            }
            writer.destroyForcibly();
            assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(signedAfterAcks).as("the writer acknowledged %d readings and signed a checkpoint before it was killed", acks).isTrue();
        return checkpoints;
    }
}
