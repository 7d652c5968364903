package org.energyweb.tlog.monitor;

import org.energyweb.cli.CliTestSupport;
import org.energyweb.cli.CliTestSupport.Result;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.tlog.NoteSigner;
import org.energyweb.tlog.SignedNote;
import org.energyweb.tlog.TileLog;
import org.energyweb.tlog.witness.AddCheckpointRequest;
import org.energyweb.tlog.witness.Cosigner;
import org.energyweb.tlog.witness.Witness;
import org.energyweb.tlog.witness.WitnessClient;
import org.energyweb.tlog.witness.WitnessServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway that shows two histories of its log, served over real loopback HTTP: the monitor, which saw one,
 * reports the other, and the witness, which cosigned one, refuses to cosign the other.
 */
class SplitViewTest {

    static final String ORIGIN = "gateway.example/log";

    @TempDir
    Path dir;

    private final NoteSigner logKey = new NoteSigner(ORIGIN, TestLogs.seed(1));
    private ServedLog served;
    private WitnessServer witnessServer;

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
        if (witnessServer != null) {
            witnessServer.close();
        }
    }

    private TileLog log(String name, String prefix, int size, NoteSigner key) throws Exception {
        return TestLogs.log(dir.resolve(name), prefix, size, key);
    }

    private void grow(TileLog tiles, String name, String prefix, int size, NoteSigner key) throws Exception {
        TestLogs.grow(tiles, dir.resolve(name), prefix, size, key);
    }

    private static SignedNote checkpoint(TileLog tiles, NoteSigner key) {
        return TestLogs.checkpoint(tiles, key);
    }

    private LogMonitor monitor() {
        return new LogMonitor(served.url(), logKey.verifier(), dir.resolve("monitor"));
    }

    @Test
    void aLogThatOnlyGrewIsConsistentWithWhatTheMonitorSawBefore() throws Exception {
        TileLog honest = log("honest", "reading", 300, logKey);
        served = new ServedLog(dir.resolve("honest"));
        assertThat(monitor().check().consistent()).isTrue();

        grow(honest, "honest", "reading", 700, logKey);
        LogMonitor.Report report = monitor().check();

        assertThat(report.consistent()).as(report.message()).isTrue();
        assertThat(monitor().lastSeen().orElseThrow().size()).isEqualTo(700);
    }

    @Test
    void anotherHistoryOfTheSameSizeIsReportedByTheMonitorAndRefusedByTheWitness() throws Exception {
        TileLog honest = log("honest", "reading", 300, logKey);
        TileLog forged = log("forged", "forged reading", 300, logKey);
        served = new ServedLog(dir.resolve("honest"));
        monitor().check();
        WitnessClient witness = witness();
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), checkpoint(honest, logKey))).cosigned()).isTrue();

        served.serve(dir.resolve("forged"));
        LogMonitor.Report report = monitor().check();
        WitnessClient.Result refused = witness.addCheckpoint(new AddCheckpointRequest(300, List.of(), checkpoint(forged, logKey)));

        assertThat(report.consistent()).isFalse();
        assertThat(report.message()).contains("size 300 is inconsistent with size 300 seen before").contains("split view");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.cosignatures()).isEmpty();
    }

    @Test
    void aLongerHistoryThatDoesNotExtendTheSeenOneIsReportedByLogMonitorAndRefusedByTheWitness() throws Exception {
        TileLog honest = log("honest", "reading", 300, logKey);
        // A fork: the first 256 readings kept, the rest rewritten, then grown past the seen size.
        TileLog fork = log("fork", "reading", 256, logKey);
        grow(fork, "fork", "rewritten reading", 600, logKey);
        served = new ServedLog(dir.resolve("honest"));
        Path state = dir.resolve("cli-monitor");
        Result first = CliTestSupport.run("log", "monitor", served.url().toString(), "--log-key", logKey.verifier().text(), "--state", state.toString());
        WitnessClient witness = witness();
        witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), checkpoint(honest, logKey)));

        served.serve(dir.resolve("fork"));
        Result second = CliTestSupport.run("log", "monitor", served.url().toString(), "--log-key", logKey.verifier().text(), "--state", state.toString());
        WitnessClient.Result refused = witness.addCheckpoint(
                new AddCheckpointRequest(300, MerkleProofs.consistencyProof(fork, 300, 600), checkpoint(fork, logKey)));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("INCONSISTENT: checkpoint " + ORIGIN + " size 600 is inconsistent with size 300 seen before");
        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    void aCheckpointNotSignedByTheLogKeyIsReported() throws Exception {
        log("unsigned", "reading", 10, new NoteSigner(ORIGIN, TestLogs.seed(9)));
        served = new ServedLog(dir.resolve("unsigned"));

        LogMonitor.Report report = monitor().check();

        assertThat(report.consistent()).isFalse();
        assertThat(report.message()).contains("is not signed by the log key");
    }

    @Test
    void aSignedCheckpointWhoseTilesDoNotGiveItsRootIsReported() throws Exception {
        log("honest", "reading", 300, logKey);
        TileLog other = log("other", "other reading", 300, logKey);
        Files.writeString(dir.resolve("honest").resolve("checkpoint"), checkpoint(other, logKey).encoded());
        served = new ServedLog(dir.resolve("honest"));

        LogMonitor.Report report = monitor().check();

        assertThat(report.consistent()).isFalse();
        assertThat(report.message()).contains("tiles do not give its root");
    }

    private WitnessClient witness() {
        Cosigner cosigner = new Cosigner("witness.example/w1", TestLogs.seed(2));
        witnessServer = WitnessServer.start(new Witness(cosigner, List.of(logKey.verifier()), dir.resolve("witness"), Clock.systemUTC()),
                new InetSocketAddress("127.0.0.1", 0));
        return new WitnessClient(witnessServer.url(), cosigner.verifier());
    }
}
