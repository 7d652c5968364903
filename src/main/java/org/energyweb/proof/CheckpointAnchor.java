package org.energyweb.proof;

import java.util.Objects;

/**
 * What an anchor of a transparency-log proof adds to a batch anchor: the {@code ReadingAnchor} contract's
 * {@code anchorCheckpoint} call that anchored the proof's checkpoint, as its {@code LogCheckpointAnchored} event names it.
 *
 * @param submitter the account that anchored it (the contract keeps one log per submitter and origin), 0x and 40 hex digits
 * @param origin    the log's origin, the checkpoint's first line (c2sp.org/tlog-checkpoint)
 * @param size      the anchored tree size
 * @param cid       the CID of the signed checkpoint note's exact bytes on IPFS
 */
public record CheckpointAnchor(String submitter, String origin, long size, String cid) {

    public CheckpointAnchor {
        if (submitter == null || !Anchor.ADDRESS.matcher(submitter).matches()) {
            throw new IllegalArgumentException("submitter is not 0x and 40 hex digits: " + submitter);
        }
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(cid, "cid");
        if (size < 1) {
            throw new IllegalArgumentException("an anchored checkpoint has at least one leaf: size " + size);
        }
    }
}
