package org.energyweb.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.ledger.Batches;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.BatchPath;
import org.energyweb.proof.FieldCommitments;
import org.energyweb.proof.FieldProof;
import org.energyweb.proof.InclusionProof;
import org.energyweb.proof.LeafKind;
import org.energyweb.proof.MerkleTree;
import org.energyweb.proof.Proof;
import org.energyweb.proof.SaltSeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Makes the proof of one anchored reading from a data folder: the path from its batch's stored tree
 * top and the leaf's block of readings, or, without a usable top, from the batch's whole tree
 * rebuilt from the ledger (and the field-salt secret for field proofs) and checked against the
 * recorded root; the anchor from the recorded transaction. Every proof handed out is checked to lead
 * to the anchored root. Reads without locking the folder, so a gateway may run.
 */
public final class BatchProver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final Batches batches;
    private final TreeTopStore treeTops;

    public BatchProver(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.batches = Batches.readOnly(this.dataDir);
        this.treeTops = new TreeTopStore(this.dataDir);
    }

    /**
     * @param field null for a whole-document proof (document-sha256 batches); a field name for a
     *              field proof (field-root batches)
     * @throws NotAnchoredException     when the reading is in no confirmed batch yet
     * @throws IllegalArgumentException when there is no such reading, or the batch's leaf kind does
     *                                  not allow the kind of proof asked for
     */
    public Proof prove(String meter, long seq, String field) {
        LedgerEntry entry = batches.reading(meter, seq)
                .orElseThrow(() -> new IllegalArgumentException("no reading " + meter + "#" + seq + " in " + dataDir));
        BatchRecord batch = batches.containing(entry.position())
                .orElseThrow(() -> new NotAnchoredException("reading " + meter + "#" + seq + " is not in a batch yet"));
        if (!batch.state().equals(BatchHop.CONFIRMED)) {
            throw new NotAnchoredException("reading " + meter + "#" + seq + " is in batch " + batch.id() + ", which is "
                    + batch.state() + ", not confirmed yet");
        }
        LeafKind kind = LeafKind.fromManifestName(batch.leafKind());
        if (field == null && kind != LeafKind.DOCUMENT_SHA256) {
            throw new IllegalArgumentException("batch " + batch.id() + " has field-root leaves: prove one field with --field NAME");
        }
        if (field != null && kind != LeafKind.FIELD_ROOT) {
            throw new IllegalArgumentException("batch " + batch.id() + " has document-sha256 leaves: field proofs need a gateway "
                    + "configured for field-root leaves");
        }
        byte[] secret = kind == LeafKind.FIELD_ROOT ? FieldSaltSecret.load(dataDir) : null;
        Anchor anchor = anchor(batch);
        BatchPath path = fromStoredTop(batch, kind, secret, entry.position(), anchor)
                .orElseGet(() -> fromWholeTree(batch, kind, secret, entry.position(), anchor));
        byte[] document = entry.document().bytes();
        if (field == null) {
            return InclusionProof.of(document, path);
        }
        FieldCommitments commitments = FieldCommitments.of(document, SaltSeed.derive(secret, entry.document().sha256()));
        return FieldProof.of(commitments, field, path);
    }

    /**
     * The path from the batch's stored tree top and the leaf's block alone; empty when there is no
     * usable top (missing, damaged, or not matching the block's readings), or the batch's positions
     * have a gap (then a leaf's index is not its offset).
     */
    private Optional<BatchPath> fromStoredTop(BatchRecord batch, LeafKind kind, byte[] secret, long position, Anchor anchor) {
        if (batch.size() != batch.lastPosition() - batch.firstPosition() + 1) {
            return Optional.empty();
        }
        return treeTops.load(batch.root(), batch.size()).flatMap(top -> {
            long index = position - batch.firstPosition();
            int block = top.blockOf(index);
            long first = batch.firstPosition() + top.blockStart(block);
            List<BatchLeaf> leaves = BatchLeaves.between(batches, kind, secret, first, first + top.blockLength(block) - 1);
            try {
                BatchPath path = top.path(MerkleTree.ofLeafInputs(BatchLeaves.inputs(leaves)), index, anchor);
                return path.leadsFrom(leaves.get((int) (index - top.blockStart(block))).input()) ? Optional.of(path) : Optional.empty();
            } catch (IllegalArgumentException e) {
                // The block's readings do not match the top: rebuilding the whole tree tells which is wrong.
                return Optional.empty();
            }
        });
    }

    private BatchPath fromWholeTree(BatchRecord batch, LeafKind kind, byte[] secret, long position, Anchor anchor) {
        List<BatchLeaf> leaves = BatchLeaves.between(batches, kind, secret, batch.firstPosition(), batch.lastPosition());
        MerkleTree tree = MerkleTree.ofLeafInputs(BatchLeaves.inputs(leaves));
        if (!Arrays.equals(tree.root(), batch.root())) {
            throw new IllegalStateException("the ledger's readings of batch " + batch.id() + " no longer give its anchored root: "
                    + "run energyweb verify");
        }
        try {
            treeTops.keep(tree);
        } catch (UncheckedIOException e) {
            // A read-only data folder still gives proofs, each rebuilding the tree.
        }
        return BatchPath.of(tree, indexOf(leaves, position), anchor);
    }

    private static int indexOf(List<BatchLeaf> leaves, long position) {
        int low = 0;
        int high = leaves.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long at = leaves.get(mid).position();
            if (at == position) {
                return mid;
            }
            if (at < position) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        throw new IllegalStateException("position " + position + " is missing from its batch's readings");
    }

    private static Anchor anchor(BatchRecord batch) {
        try {
            JsonNode detail = JSON.readTree(batch.detail());
            return new Anchor(detail.path("chainId").asLong(), detail.path("contract").asText(), detail.path("tx").asText(),
                    detail.path("block").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException("batch " + batch.id() + " has an unreadable anchor record", e);
        }
    }
}
