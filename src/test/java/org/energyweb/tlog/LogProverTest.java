package org.energyweb.tlog;

import org.energyweb.proof.MerkleConsistency;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LogProver} reading the tiles of a log that a gateway keeps appending to. */
class LogProverTest {

    @TempDir
    Path data;

    @Test
    void aProverMadeBeforeTheLogGrewProvesAgainstTheCheckpointSignedSince() {
        TileLog writer = TileLog.open(data.resolve(LedgerLog.DIRECTORY));
        appendAndSign(writer, 0, 300);
        LogProver prover = new LogProver(data);
        assertThat(prover.consistency(100, Optional.empty()).newSize()).isEqualTo(300);
        // The gateway appends on, completing the tiles whose partial versions the prover saw, and signs again.
        appendAndSign(writer, 300, 600);

        LogProver.Consistency consistency = prover.consistency(300, Optional.empty());

        assertThat(consistency.newSize()).isEqualTo(600);
        assertThat(consistency.newRoot()).isEqualTo(writer.root());
        assertThat(MerkleConsistency.verify(300, 600, consistency.oldRoot(), consistency.newRoot(), consistency.proof())).isTrue();
    }

    private void appendAndSign(TileLog log, int from, int to) {
        for (int i = from; i < to; i++) {
            log.append(Sha256.digest(ByteBuffer.allocate(4).putInt(i).array()));
        }
        log.commit();
        SignedNote note = SignedNote.sign(new Checkpoint(LedgerLogTest.KEY.name(), log.committedSize(),
                MerkleProofs.root(log, log.committedSize())).text(), LedgerLogTest.KEY);
        new DurableFiles(data.resolve(LedgerLog.DIRECTORY)).write(LedgerLog.CHECKPOINT_FILE, note.encoded().getBytes(StandardCharsets.UTF_8));
    }
}
