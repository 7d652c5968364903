package org.energyweb.fleet.proof;

import org.energyweb.fleet.store.BatchChainStore;
import org.energyweb.proof.Anchor;
import org.energyweb.proof.BatchPath;
import org.energyweb.proof.InclusionProof;
import org.energyweb.proof.MerkleTree;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Inclusion proofs (RFC 9162 section 2.1.3) of the readings the service anchored, in the same form as a
 * gateway's own {@code prove}, so {@code energyweb verify-proof} checks them against the chain.
 * Leaves are the documents' SHA-256, as in the gateway's document-sha256 batches.
 */
public final class ServiceProofs {

    private final BatchChainStore store;

    public ServiceProofs(BatchChainStore store) {
        this.store = store;
    }

    /** The proof of the reading whose document has this SHA-256 (hex), or empty while it is not anchored. */
    public Optional<InclusionProof> prove(String sha256) {
        Optional<BatchChainStore.Anchored> batch = store.anchoredBatchOf(sha256);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        List<BatchChainStore.Leaf> leaves = store.leaves(batch.get().id());
        BatchChainStore.Leaf leaf = leaves.stream().filter(l -> l.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new IllegalStateException("reading " + sha256 + " is not among the readings of its batch " + batch.get().id()));
        return Optional.of(prove(tree(batch.get(), leaves), leaf, anchor(batch.get())));
    }

    /** The CID of the manifest of the anchored batch holding the reading (on chain with the batch's root), or empty while it is not anchored. */
    public Optional<String> manifestCid(String sha256) {
        return store.anchoredBatchOf(sha256).map(BatchChainStore.Anchored::manifestCid);
    }

    /** The proof of one reading of a batch whose tree is {@code tree}. */
    public static InclusionProof prove(MerkleTree tree, BatchChainStore.Leaf leaf, Anchor anchor) {
        return InclusionProof.of(leaf.document(), BatchPath.of(tree, leaf.index(), anchor));
    }

    /** The batch's tree, checked against its anchored root. */
    public static MerkleTree tree(BatchChainStore.Anchored batch, List<BatchChainStore.Leaf> leaves) {
        HexFormat hex = HexFormat.of();
        MerkleTree tree = MerkleTree.ofLeafInputs(leaves.stream().map(leaf -> hex.parseHex(leaf.sha256())).toList());
        if (!Arrays.equals(tree.root(), batch.root())) {
            throw new IllegalStateException("the stored readings of batch " + batch.id() + " no longer give its anchored root");
        }
        return tree;
    }

    public static Anchor anchor(BatchChainStore.Anchored batch) {
        return new Anchor(batch.chainId(), batch.contract(), batch.transactionHash(), batch.block());
    }
}
