package org.energyweb.tlog;

import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.proof.MerkleTree;

import java.util.ArrayList;
import java.util.List;

/** The yardstick a log is checked against: the level-array tree of the ledger's document digests in position order. */
final class LedgerDigests {

    private LedgerDigests() {
    }

    static MerkleTree treeOf(Ledger ledger) {
        List<byte[]> digests = new ArrayList<>();
        long after = 0;
        while (true) {
            List<LedgerEntry> chunk = ledger.after(after, 5000);
            if (chunk.isEmpty()) {
                return MerkleTree.ofLeafInputs(digests);
            }
            chunk.forEach(entry -> digests.add(entry.document().sha256()));
            after = chunk.get(chunk.size() - 1).position();
        }
    }
}
