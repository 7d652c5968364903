package org.energyweb.tlog;

import org.energyweb.proof.MerkleConsistency;
import org.energyweb.proof.MerkleHash;
import org.energyweb.proof.MerklePath;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.proof.SubtreeHashes;
import org.energyweb.reading.Sha256;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Figures of the transparency log on this machine: leaves appended per second into tiles on disk
 * (committed every 10,000 leaves, waiting for each commit, and appending the next batch while the last
 * commit is written, as the ledger follower does), storage per leaf,
 * and inclusion / consistency proof generation and verification, from the tiles of a 1,000,000-leaf
 * log and for a 100,000,000-leaf tree. Prints, asserts nothing. Run: mvn -o -Pbench test -Dtest=TransparencyLogBench
 */
@Tag("bench")
class TransparencyLogBench {

    private static final int LEAVES = 1_000_000;
    private static final int COMMIT_EVERY = 10_000;
    private static final long HUGE = 100_000_000L;
    private static final int PROOFS = 20_000;

    @TempDir
    Path dir;

    @Test
    void appendsAndProofsFromTiles() throws IOException {
        byte[][] inputs = new byte[LEAVES][];
        for (int i = 0; i < LEAVES; i++) {
            inputs[i] = Sha256.digest(ByteBuffer.allocate(8).putLong(i).array());
        }
        TileLog hashingOnly = TileLog.open(dir.resolve("uncommitted"));
        long start = System.nanoTime();
        for (int i = 0; i < LEAVES; i++) {
            hashingOnly.append(inputs[i]);
        }
        long hashing = System.nanoTime() - start;
        System.out.printf("append without commit (hashing and tiling only), %,d leaves: %.1f s = %,.0f leaves/s%n",
                LEAVES, hashing / 1e9, LEAVES / (hashing / 1e9));

        TileLog waiting = TileLog.open(dir.resolve("waiting"));
        start = System.nanoTime();
        for (int i = 0; i < LEAVES; i++) {
            waiting.append(inputs[i]);
            if ((i + 1) % COMMIT_EVERY == 0) {
                waiting.commit(i + 1);
            }
        }
        waiting.commit(LEAVES);
        long took = System.nanoTime() - start;
        System.out.printf("append, %,d leaves (32-byte leaf inputs, fsync'd commit every %,d, waiting for each): %.1f s = %,.0f leaves/s%n",
                LEAVES, COMMIT_EVERY, took / 1e9, LEAVES / (took / 1e9));

        // As the ledger follower commits: the next batch is appended while the last one's tiles are forced.
        TileLog log = TileLog.open(dir.resolve("log"));
        start = System.nanoTime();
        for (int i = 0; i < LEAVES; i++) {
            log.append(inputs[i]);
            if ((i + 1) % COMMIT_EVERY == 0) {
                log.commitAsync(i + 1);
            }
        }
        log.commit(LEAVES);
        took = System.nanoTime() - start;
        System.out.printf("append, %,d leaves (32-byte leaf inputs, fsync'd commit every %,d, appending during the last one): %.1f s = %,.0f leaves/s%n",
                LEAVES, COMMIT_EVERY, took / 1e9, LEAVES / (took / 1e9));
        System.out.printf("storage: %,d bytes = %.1f bytes per leaf (level-0 hash 32 + entry bundle 34 + upper levels)%n",
                bytes(dir.resolve("log")), bytes(dir.resolve("log")) / (double) LEAVES);

        TileLog reopened = TileLog.open(dir.resolve("log"));
        proofs("tiles of a 1,000,000-leaf log", reopened, LEAVES, leaf -> MerkleHash.leaf(inputs[(int) leaf]), true);
    }

    @Test
    void proofsInAHundredMillionLeafTree() {
        // Synthetic complete-subtree hashes: the proof algorithms' own cost, as if every tile were cached. They form no
        // real tree (a node is not the hash of its children), so verification does its full work but cannot match.
        SubtreeHashes synthetic = (level, index) -> Sha256.digest(ByteBuffer.allocate(12).putInt(level).putLong(index).array());
        proofs("a 100,000,000-leaf tree (synthetic subtree hashes)", synthetic, HUGE, leaf -> synthetic.hash(0, leaf), false);
    }

    private interface LeafHash {
        byte[] of(long leaf);
    }

    /** @param realTree whether the hashes form a real tree, so that the proofs can verify and their count is worth printing */
    private static void proofs(String what, SubtreeHashes hashes, long size, LeafHash leafHash, boolean realTree) {
        SplittableRandom random = new SplittableRandom(7);
        byte[] root = MerkleProofs.root(hashes, size);
        long[] generation = new long[PROOFS];
        long[] verification = new long[PROOFS];
        int valid = 0;
        for (int i = 0; i < PROOFS; i++) {
            long leaf = random.nextLong(size);
            long start = System.nanoTime();
            List<byte[]> path = MerkleProofs.inclusionPath(hashes, leaf, size);
            generation[i] = System.nanoTime() - start;
            byte[] leafHash0 = leafHash.of(leaf);
            start = System.nanoTime();
            boolean ok = MerklePath.rootFrom(leafHash0, leaf, size, path).map(found -> Arrays.equals(found, root)).orElse(false);
            verification[i] = System.nanoTime() - start;
            valid += ok ? 1 : 0;
        }
        report("inclusion proof generation, " + what, generation);
        report("inclusion proof verification, " + what, verification);
        if (realTree) {
            System.out.printf("  %d of %d inclusion proofs valid%n", valid, PROOFS);
        }

        long[] consistency = new long[PROOFS / 10];
        long[] consistencyCheck = new long[PROOFS / 10];
        int consistent = 0;
        for (int i = 0; i < consistency.length; i++) {
            long oldSize = 1 + random.nextLong(size - 1);
            byte[] oldRoot = MerkleProofs.root(hashes, oldSize);
            long start = System.nanoTime();
            List<byte[]> proof = MerkleProofs.consistencyProof(hashes, oldSize, size);
            consistency[i] = System.nanoTime() - start;
            start = System.nanoTime();
            consistent += MerkleConsistency.verify(oldSize, size, oldRoot, root, proof) ? 1 : 0;
            consistencyCheck[i] = System.nanoTime() - start;
        }
        report("consistency proof generation, " + what, consistency);
        report("consistency proof verification, " + what, consistencyCheck);
        if (realTree) {
            System.out.printf("  %d of %d consistency proofs valid%n", consistent, consistency.length);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: median %.3f ms, p99 %.3f ms, max %.3f ms (%,d runs)%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
