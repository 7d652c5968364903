package org.energyweb.batch;

import org.energyweb.ledger.Batches;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.ReadingDigest;
import org.energyweb.proof.LeafKind;
import org.energyweb.proof.SaltSeed;

import java.util.ArrayList;
import java.util.List;

/**
 * The leaf inputs of a batch, computed from the ledger alone (and the field-salt secret for
 * field-root batches), so the anchorer after a restart and a prover months later get the same tree.
 */
final class BatchLeaves {

    private BatchLeaves() {
    }

    /** Document-SHA-256 leaves straight from the stored digests: no document is parsed. */
    static List<BatchLeaf> ofDigests(List<ReadingDigest> digests) {
        List<BatchLeaf> leaves = new ArrayList<>(digests.size());
        for (ReadingDigest digest : digests) {
            leaves.add(new BatchLeaf(digest.position(), digest.meter(), digest.seq(), digest.sha256()));
        }
        return leaves;
    }

    /** The leaves of positions [first, last]. */
    static List<BatchLeaf> between(Batches batches, LeafKind kind, byte[] fieldSecret, long first, long last) {
        if (kind == LeafKind.DOCUMENT_SHA256) {
            return ofDigests(batches.digestsBetween(first, last));
        }
        List<LedgerEntry> entries = batches.readingsBetween(first, last);
        List<BatchLeaf> leaves = new ArrayList<>(entries.size());
        for (LedgerEntry entry : entries) {
            byte[] seed = SaltSeed.derive(fieldSecret, entry.document().sha256());
            leaves.add(new BatchLeaf(entry.position(), entry.meter(), entry.seq(), kind.leafInput(entry.document().bytes(), seed)));
        }
        return leaves;
    }

    static List<byte[]> inputs(List<BatchLeaf> leaves) {
        List<byte[]> inputs = new ArrayList<>(leaves.size());
        leaves.forEach(leaf -> inputs.add(leaf.input()));
        return inputs;
    }
}
