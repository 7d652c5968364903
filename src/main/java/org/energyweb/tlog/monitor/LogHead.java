package org.energyweb.tlog.monitor;

import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.CheckpointCheck;
import org.energyweb.tlog.NoteVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A log's latest checkpoint as its tiles' source holds it ({@code checkpoint}, c2sp.org/tlog-tiles "Checkpoints"),
 * signed by the log key, with the tiles of its tree: what every other checkpoint of the log is checked against.
 */
record LogHead(Checkpoint checkpoint, TileHashes tiles) {

    /**
     * Reads the source's checkpoint and checks it.
     *
     * @return the head, or the finding: a checkpoint that is not the log key's, or not the tree the tiles hold
     * @throws UncheckedIOException when the source cannot be read or has no checkpoint
     */
    static Result read(TileSource source, NoteVerifier logKey) {
        byte[] note = source.read("checkpoint").orElseThrow(() -> new UncheckedIOException(new IOException("the log has no checkpoint")));
        Checkpoint checkpoint;
        try {
            checkpoint = CheckpointCheck.signedBy(new String(note, StandardCharsets.UTF_8), logKey);
        } catch (IllegalArgumentException e) {
            return new Result(null, "the log's checkpoint is not signed by the log key " + logKey.name() + ": " + e.getMessage());
        }
        TileHashes tiles = new TileHashes(source, checkpoint.size());
        String named = "the log's checkpoint " + checkpoint.origin() + " size " + checkpoint.size();
        try {
            Optional<String> problem = TreeCheck.problem(tiles, Optional.empty(), "", checkpoint);
            if (problem.isPresent()) {
                return new Result(null, named + " " + problem.get());
            }
        } catch (IllegalStateException e) {
            return new Result(null, named + ": " + e.getMessage());
        }
        return new Result(new LogHead(checkpoint, tiles), null);
    }

    /** Either the head or why there is none. */
    record Result(LogHead head, String finding) {
    }
}
