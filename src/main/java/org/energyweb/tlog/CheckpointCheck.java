package org.energyweb.tlog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a proof's tree is the one a signed checkpoint commits to: the checkpoint's tree size and
 * root (c2sp.org/tlog-checkpoint "Note text") equal the proof's and, given the log's verifier key, the
 * log's signature on it verifies (c2sp.org/signed-note "Signatures").
 */
public final class CheckpointCheck {

    private CheckpointCheck() {
    }

    /** The first problem, or empty when the checkpoint commits to this tree (and is signed by {@code logKey}, when given). */
    public static Optional<String> problem(String signedCheckpoint, long size, byte[] root, Optional<NoteVerifier> logKey) {
        Checkpoint checkpoint;
        SignedNote note;
        try {
            note = SignedNote.parse(signedCheckpoint);
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return Optional.of("checkpoint: " + e.getMessage());
        }
        if (checkpoint.size() != size || !Arrays.equals(checkpoint.root(), root)) {
            return Optional.of("checkpoint: its tree (size " + checkpoint.size() + ") is not the proof's (size " + size + ")");
        }
        if (logKey.isPresent()) {
            if (!logKey.get().name().equals(checkpoint.origin())) {
                return Optional.of("checkpoint: it is of the log " + checkpoint.origin() + ", not of " + logKey.get().name());
            }
            try {
                note.verifiedBy(List.of(logKey.get()));
            } catch (IllegalArgumentException e) {
                return Optional.of("checkpoint: " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
