package org.energyweb.tlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.proof.BatchPath;
import org.energyweb.proof.InclusionProof;
import org.energyweb.proof.MerkleProofs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * RFC 9162 proofs from the transparency log's tiles in a data folder, read without locking it, so a
 * gateway may keep appending: inclusion of a reading (section 2.1.3) in the tree of a checkpoint, and
 * consistency (section 2.1.4) between two tree sizes. By default the tree is the one of the latest
 * signed checkpoint, which the proof carries; a proof against an older tree size carries the checkpoint kept for
 * that size, if one was. Every proof handed out is checked to lead to its root.
 * Each proof reads the tiles of its tree afresh ({@link TileLog#openAt}), after the checkpoint: the
 * gateway signs a checkpoint only of a size it has committed, so its tiles are there however far the
 * gateway has appended since.
 */
public final class LogProver {

    private final Path dataDir;

    public LogProver(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The inclusion proof of {@code entry}, leaf {@code index} of the log, in the tree of {@code size}
     * leaves (empty: the latest signed checkpoint's, whose signed note the proof then carries).
     *
     * @throws IllegalArgumentException when there is no such tree, or the reading is not in it yet
     */
    public InclusionProof prove(LedgerEntry entry, long index, Optional<Long> size) {
        Tree tree = tree(size);
        if (index >= tree.size) {
            throw new IllegalArgumentException("reading " + entry.meter() + "#" + entry.document().reading().seq() + " is leaf " + index
                    + " of the log, not in the tree of " + tree.size + " leaves yet");
        }
        BatchPath path = new BatchPath(index, tree.size, MerkleProofs.inclusionPath(tree.tiles, index, tree.size), tree.root, null,
                tree.checkpoint != null ? tree.checkpoint : kept(tree).orElse(null));
        return InclusionProof.of(entry.document().bytes(), path);
    }

    /**
     * The consistency proof from the tree of {@code oldSize} leaves to the tree of {@code newSize}
     * (empty: the latest signed checkpoint's).
     */
    public Consistency consistency(long oldSize, Optional<Long> newSize) {
        Tree tree = tree(newSize);
        if (oldSize < 0 || oldSize > tree.size) {
            throw new IllegalArgumentException("old size " + oldSize + " is not between 0 and the new size " + tree.size);
        }
        return new Consistency(oldSize, MerkleProofs.root(tree.tiles, oldSize), tree.size, tree.root,
                MerkleProofs.consistencyProof(tree.tiles, oldSize, tree.size));
    }

    private Tree tree(Optional<Long> size) {
        Path log = dataDir.resolve(LedgerLog.DIRECTORY);
        if (size.isPresent()) {
            TileLog tiles = TileLog.openAt(log, size.get());
            return new Tree(size.get(), tiles, MerkleProofs.root(tiles, size.get()), null);
        }
        SignedNote note = LedgerLog.latestCheckpoint(dataDir).orElseThrow(() -> new IllegalArgumentException(
                "the log in " + dataDir + " has no signed checkpoint yet (a gateway signs them with the transparency-log-source"
                        + " route); give --size N to prove against a tree size instead"));
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        TileLog tiles;
        try {
            tiles = TileLog.openAt(log, checkpoint.size());
        } catch (IllegalArgumentException e) {
            throw doesNotHold(checkpoint);
        }
        if (!Arrays.equals(MerkleProofs.root(tiles, checkpoint.size()), checkpoint.root())) {
            throw doesNotHold(checkpoint);
        }
        return new Tree(checkpoint.size(), tiles, checkpoint.root(), note.encoded());
    }

    /**
     * The signed note kept for the tree's size ({@link KeptCheckpoints}: an older checkpoint than the latest, the exact
     * bytes that were anchored), when there is one.
     *
     * @throws IllegalStateException when the kept checkpoint is not the tree the tiles hold
     */
    private Optional<String> kept(Tree tree) {
        Optional<String> note = new KeptCheckpoints(dataDir).bytes(tree.size).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        if (note.isPresent() && !Arrays.equals(Checkpoint.parse(SignedNote.parse(note.get()).text()).root(), tree.root)) {
            throw new IllegalStateException("the checkpoint kept for size " + tree.size + " in " + dataDir + " is not the tree the log's tiles hold");
        }
        return note;
    }

    private IllegalStateException doesNotHold(Checkpoint checkpoint) {
        return new IllegalStateException("the log's tiles in " + dataDir + " do not hold the tree of its checkpoint of size " + checkpoint.size());
    }

    private record Tree(long size, TileLog tiles, byte[] root, String checkpoint) {
    }

    /** A consistency proof between two tree sizes of the log, with both roots. */
    public record Consistency(long oldSize, byte[] oldRoot, long newSize, byte[] newRoot, List<byte[]> proof) {

        /** {"old":{"size":m,"root":hex},"new":{"size":n,"root":hex},"proof":[hex,...]}, RFC 9162 section 2.1.4.1's PROOF(m, D[n]). */
        public String json() {
            ObjectMapper mapper = new ObjectMapper();
            HexFormat hex = HexFormat.of();
            ObjectNode json = mapper.createObjectNode();
            json.putObject("old").put("size", oldSize).put("root", hex.formatHex(oldRoot));
            json.putObject("new").put("size", newSize).put("root", hex.formatHex(newRoot));
            ArrayNode hashes = json.putArray("proof");
            proof.forEach(hash -> hashes.add(hex.formatHex(hash)));
            return json.toString();
        }
    }
}
