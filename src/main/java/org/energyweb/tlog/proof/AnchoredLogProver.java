package org.energyweb.tlog.proof;

import org.energyweb.batch.NotAnchoredException;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.BatchPath;
import org.energyweb.proof.CheckpointAnchor;
import org.energyweb.proof.InclusionProof;
import org.energyweb.tlog.LedgerLog;
import org.energyweb.tlog.LogProver;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.anchor.AnchoredCheckpoints;
import org.energyweb.tlog.anchor.AnchoredCheckpoints.Anchored;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Inclusion proofs of a reading in the gateway's transparency log against an anchored checkpoint, with that
 * checkpoint and its anchor: by default the largest checkpoint whose anchoring transaction the ledger recorded as
 * confirmed ({@link AnchoredCheckpoints}) and that holds the reading. A reading in no anchored checkpoint yet gets no
 * proof by default, since an auditor asking for "the" proof expects one that binds the gateway on chain; asked for a
 * size explicitly, it gets the proof against that size with its anchor null.
 */
public final class AnchoredLogProver {

    /**
     * A proof and, when its checkpoint is not anchored, a note saying so for the person who asked.
     */
    public record Proved(InclusionProof proof, Optional<String> note) {
    }

    private final Path dataDir;

    public AnchoredLogProver(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The proof of {@code entry}, leaf {@code index} of the log, against the largest anchored checkpoint holding it, or
     * against the tree of {@code size} leaves.
     *
     * @throws NotAnchoredException     without a size, when no anchored checkpoint holds the reading yet
     * @throws IllegalArgumentException when there is no tree of that size, or the reading is not in it
     * @throws IllegalStateException    when what was anchored is not what the data folder holds for that size
     */
    public Proved prove(LedgerEntry entry, long index, Optional<Long> size) {
        List<Anchored> anchored = AnchoredCheckpoints.read(dataDir);
        if (size.isPresent()) {
            Optional<Anchored> atSize = anchored.stream().filter(checkpoint -> checkpoint.size() == size.get()).findFirst();
            if (atSize.isPresent()) {
                return new Proved(withAnchor(entry, index, atSize.get()), Optional.empty());
            }
            return new Proved(new LogProver(dataDir).prove(entry, index, size), Optional.of("the log's tree of size " + size.get()
                    + " is not anchored (the ledger records no confirmed transaction anchoring a checkpoint of that size): the proof's"
                    + " anchor is null, and verify-proof --rpc refuses it"));
        }
        Anchored largest = anchored.stream().filter(checkpoint -> checkpoint.size() > index).max(Comparator.comparingLong(Anchored::size))
                .orElseThrow(() -> notAnchored(entry, index, anchored));
        return new Proved(withAnchor(entry, index, largest), Optional.empty());
    }

    private InclusionProof withAnchor(LedgerEntry entry, long index, Anchored anchored) {
        BatchPath path = new LogProver(dataDir).prove(entry, index, Optional.of(anchored.size())).batch();
        String what = "the checkpoint of size " + anchored.size() + " anchored in transaction " + anchored.transaction();
        if (!Arrays.equals(path.root(), anchored.root())) {
            throw new IllegalStateException(what + " is not the tree the log's tiles in " + dataDir + " hold");
        }
        if (path.checkpoint() == null) {
            throw new IllegalStateException(what + " is not kept in " + dataDir.resolve(LedgerLog.DIRECTORY).resolve("checkpoints"));
        }
        if (!CheckpointAnchorCheck.cidOf(path.checkpoint(), anchored.cid())) {
            throw new IllegalStateException(what + " names CID " + anchored.cid() + ", which is not the CID of the note kept for that size");
        }
        Anchor anchor = new Anchor(anchored.chainId(), anchored.contract(), anchored.transaction(), anchored.block(),
                new CheckpointAnchor(anchored.from(), anchored.origin(), anchored.size(), anchored.cid()));
        return InclusionProof.of(entry.document().bytes(), new BatchPath(path.index(), path.size(), path.path(), path.root(), anchor,
                path.checkpoint()));
    }

    private NotAnchoredException notAnchored(LedgerEntry entry, long index, List<Anchored> anchored) {
        String reading = "reading " + entry.meter() + "#" + entry.document().reading().seq() + " (leaf " + index + " of the log)";
        String largest = anchored.isEmpty() ? "no checkpoint of the log is anchored yet"
                : "the largest anchored checkpoint has size " + anchored.stream().mapToLong(Anchored::size).max().orElseThrow();
        String signed = LedgerLog.latestCheckpoint(dataDir)
                .map(note -> Checkpoint.parse(note.text()).size())
                .filter(latest -> latest > index)
                .map(latest -> "; its latest signed checkpoint, of size " + latest + ", holds it: give --size " + latest
                        + " for a proof against that checkpoint, which is not anchored")
                .orElse("");
        return new NotAnchoredException(reading + " is in no anchored checkpoint: " + largest + signed);
    }
}
