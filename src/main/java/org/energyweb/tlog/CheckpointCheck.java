package org.energyweb.tlog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a signed checkpoint is the log's and commits to a given tree: the checkpoint's tree size and
 * root (c2sp.org/tlog-checkpoint "Note text") equal the proof's and, given the log's verifier key, the
 * log's signature on it verifies (c2sp.org/signed-note "Signatures").
 */
public final class CheckpointCheck {

    private CheckpointCheck() {
    }

    /** The first problem, or empty when the checkpoint commits to this tree (and is signed by {@code logKey}, when given). */
    public static Optional<String> problem(String signedCheckpoint, long size, byte[] root, Optional<NoteVerifier> logKey) {
        Checkpoint checkpoint;
        try {
            checkpoint = logKey.isPresent() ? signedBy(signedCheckpoint, logKey.get()) : Checkpoint.parse(SignedNote.parse(signedCheckpoint).text());
        } catch (IllegalArgumentException e) {
            return Optional.of("checkpoint: " + e.getMessage());
        }
        if (checkpoint.size() != size || !Arrays.equals(checkpoint.root(), root)) {
            return Optional.of("checkpoint: its tree (size " + checkpoint.size() + ") is not the proof's (size " + size + ")");
        }
        return Optional.empty();
    }

    /**
     * The checkpoint of a signed note of the log whose verifier key is {@code logKey}: a well-formed note and
     * checkpoint, whose origin is the key's name and which carries the key's valid signature.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public static Checkpoint signedBy(String signedCheckpoint, NoteVerifier logKey) {
        SignedNote note = SignedNote.parse(signedCheckpoint);
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!logKey.name().equals(checkpoint.origin())) {
            throw new IllegalArgumentException("it is of the log " + checkpoint.origin() + ", not of " + logKey.name());
        }
        note.verifiedBy(List.of(logKey));
        return checkpoint;
    }
}
