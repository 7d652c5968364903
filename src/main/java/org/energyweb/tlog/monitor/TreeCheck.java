package org.energyweb.tlog.monitor;

import org.energyweb.proof.MerkleConsistency;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.tlog.Checkpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one check every monitor makes of a checkpoint: that it is the tree the log's tiles hold at its size, and
 * consistent with a checkpoint accepted before, by an RFC 9162 consistency proof computed from the tiles.
 */
final class TreeCheck {

    private TreeCheck() {
    }

    /**
     * Why {@code next} is not the tiles' tree at its size consistent with {@code earlier}; empty when it is.
     * With an earlier checkpoint, the consistency proof between the two sizes (RFC 9162 2.1.4.1, the smaller one
     * first, whichever came first) must verify against both roots (2.1.4.2): two trees of one log key that fail it
     * are a split view. Then the tiles must give the checkpoint's root (2.1.1, MTH of its size).
     *
     * @param earlierName how the earlier checkpoint is named in the finding, e.g. "size 300 seen before"
     * @throws IllegalStateException when the tiles lack a tile the proof needs
     */
    static Optional<String> problem(TileHashes tiles, Optional<Checkpoint> earlier, String earlierName, Checkpoint next) {
        if (next.size() > tiles.size()) {
            return Optional.of("is beyond the tiles' tree of size " + tiles.size() + ", which cannot show it");
        }
        if (earlier.isPresent()) {
            Checkpoint smaller = earlier.get().size() <= next.size() ? earlier.get() : next;
            Checkpoint larger = smaller == next ? earlier.get() : next;
            List<byte[]> proof = MerkleProofs.consistencyProof(tiles, smaller.size(), larger.size());
            if (!MerkleConsistency.verify(smaller.size(), larger.size(), smaller.root(), larger.root(), proof)) {
                return Optional.of("is inconsistent with " + earlierName + " (a split view: another history under the same log key)");
            }
        }
        if (!Arrays.equals(MerkleProofs.root(tiles, next.size()), next.root())) {
            return Optional.of("is not the tree the log's tiles hold: the tiles do not give its root");
        }
        return Optional.empty();
    }
}
